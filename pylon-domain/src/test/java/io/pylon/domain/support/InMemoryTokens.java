package io.pylon.domain.support;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Id tokens in a map, with a fixture method that reads like the domain. */
public final class InMemoryTokens implements IdTokenRepository {
    private final Map<String, IdToken> tokens = new TreeMap<>();

    public InMemoryTokens with(String idTag, IdTokenStatus status, Instant expiry, String parent) {
        tokens.put(idTag, new IdToken(idTag, status, expiry, parent, null, Instant.EPOCH, Instant.EPOCH, null));
        return this;
    }

    @Override public Optional<IdToken> find(String idTag) { return Optional.ofNullable(tokens.get(idTag)); }
    @Override public List<IdToken> findAll(Collection<String> idTags) { return idTags.stream().map(tokens::get).filter(t -> t != null).toList(); }
    @Override public boolean insert(IdToken token) { return tokens.putIfAbsent(token.idTag(), token) == null; }
    @Override public boolean update(IdToken token) { return tokens.replace(token.idTag(), token) != null; }
    @Override public boolean delete(String idTag) { return tokens.remove(idTag) != null; }
    @Override public List<IdToken> all(Long operatorId, int limit) { return tokens.values().stream().filter(t -> t.operatorId() == null || t.operatorId().equals(operatorId)).limit(limit).toList(); }

    @Override
    public Page<IdToken> list(io.pylon.domain.tenant.TenantScope scope, io.pylon.domain.auth.IdTokenFilter filter, PageRequest page) {
        List<IdToken> all = tokens.values().stream().filter(t -> scope.includesOperator(t.operatorId()))
                .filter(t -> filter.status() == null || t.status() == filter.status()).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(), all.size());
    }
}
