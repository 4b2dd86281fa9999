package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Id tokens in SQL. */
@Repository
public class JooqIdTokenRepository implements IdTokenRepository {

    private static final Field<Instant> EXPIRY = time("expiry");

    private static final java.util.List<org.jooq.Field<?>> COLUMNS = java.util.List.of(ID_TAG, STATUS, EXPIRY, PARENT_ID_TAG, DESCRIPTION, CREATED_AT, UPDATED_AT);

    private final DSLContext db;

    public JooqIdTokenRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<IdToken> find(String idTag) {
        return db.select(COLUMNS).from(ID_TOKEN).where(ID_TAG.eq(idTag)).fetchOptional(JooqIdTokenRepository::toToken);
    }

    @Override
    public List<IdToken> findAll(Collection<String> idTags) {
        if (idTags.isEmpty()) return List.of();
        return db.select(COLUMNS).from(ID_TOKEN).where(ID_TAG.in(idTags)).orderBy(ID_TAG).fetch(JooqIdTokenRepository::toToken);
    }

    @Override
    public boolean insert(IdToken t) {
        return db.insertInto(ID_TOKEN).set(ID_TAG, t.idTag()).set(STATUS, t.status().name()).set(EXPIRY, t.expiry())
                .set(PARENT_ID_TAG, t.parentIdTag()).set(DESCRIPTION, t.description())
                .set(CREATED_AT, t.createdAt()).set(UPDATED_AT, t.updatedAt())
                .onConflict(key(ID_TOKEN, "id_tag")).doNothing().execute() == 1;
    }

    @Override
    public boolean update(IdToken t) {
        return db.update(ID_TOKEN).set(STATUS, t.status().name()).set(EXPIRY, t.expiry())
                .set(PARENT_ID_TAG, t.parentIdTag()).set(DESCRIPTION, t.description()).set(UPDATED_AT, t.updatedAt())
                .where(ID_TAG.eq(t.idTag())).execute() == 1;
    }

    @Override
    public boolean delete(String idTag) {
        return db.deleteFrom(ID_TOKEN).where(ID_TAG.eq(idTag)).execute() == 1;
    }

    @Override
    public Page<IdToken> list(IdTokenStatus status, PageRequest page) {
        Condition where = status == null ? DSL.noCondition() : STATUS.eq(status.name());
        long total = db.fetchCount(ID_TOKEN, where);
        return new Page<>(db.select(COLUMNS).from(ID_TOKEN).where(where).orderBy(ID_TAG).limit(page.size()).offset(page.offset())
                .fetch(JooqIdTokenRepository::toToken), page.page(), page.size(), total);
    }

    @Override
    public List<IdToken> all(int limit) {
        return db.select(COLUMNS).from(ID_TOKEN).orderBy(ID_TAG).limit(limit).fetch(JooqIdTokenRepository::toToken);
    }

    private static IdToken toToken(Record r) {
        return new IdToken(r.get(ID_TAG), IdTokenStatus.valueOf(r.get(STATUS)), r.get(EXPIRY), r.get(PARENT_ID_TAG),
                r.get(DESCRIPTION), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
