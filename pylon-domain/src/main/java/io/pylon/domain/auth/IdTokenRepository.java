package io.pylon.domain.auth;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: where id tokens are kept. Id tags compare exactly as stored and are unique on the platform. */
public interface IdTokenRepository {
    Optional<IdToken> find(String idTag);

    List<IdToken> findAll(Collection<String> idTags);

    /** Inserts a token; false if the id tag exists. */
    boolean insert(IdToken token);

    boolean update(IdToken token);

    boolean delete(String idTag);

    Page<IdToken> list(TenantScope scope, IdTokenFilter filter, PageRequest page);

    /** Every token an operator's charger may know, for a full local list (bounded by the caller). */
    List<IdToken> all(Long operatorId, int limit);
}
