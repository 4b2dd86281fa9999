package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenFilter;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.auth.TokenKind;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.DriverStatus;
import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Id tokens in SQL, read with their driver's status (a blocked driver's tokens answer Blocked). */
@Repository
public class JooqIdTokenRepository implements IdTokenRepository {

    private static final Field<Instant> EXPIRY = time("expiry");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> LOGICAL = str("logical_number");
    private static final Field<Instant> LOST_AT = time("lost_at");
    private static final Field<String> DRIVER_STATUS = col(DRIVER, STATUS);
    private static final List<Field<?>> COLUMNS = List.of(col(ID_TOKEN, ID_TAG), col(ID_TOKEN, STATUS), col(ID_TOKEN, EXPIRY),
            col(ID_TOKEN, PARENT_ID_TAG), col(ID_TOKEN, DESCRIPTION), col(ID_TOKEN, CREATED_AT), col(ID_TOKEN, UPDATED_AT),
            col(ID_TOKEN, OPERATOR_ID), col(ID_TOKEN, DRIVER_ID), col(ID_TOKEN, KIND), col(ID_TOKEN, LOGICAL),
            col(ID_TOKEN, LOST_AT), DRIVER_STATUS);

    private final DSLContext db;

    public JooqIdTokenRepository(DSLContext db) {
        this.db = db;
    }

    private SelectOnConditionStep<Record> select() {
        return db.select(COLUMNS).from(ID_TOKEN).leftJoin(DRIVER).on(col(DRIVER, LONG_ID).eq(col(ID_TOKEN, DRIVER_ID)));
    }

    @Override
    public Optional<IdToken> find(String idTag) {
        return select().where(col(ID_TOKEN, ID_TAG).eq(idTag)).fetchOptional(JooqIdTokenRepository::toToken);
    }

    @Override
    public List<IdToken> findAll(Collection<String> idTags) {
        if (idTags.isEmpty()) return List.of();
        return select().where(col(ID_TOKEN, ID_TAG).in(idTags)).orderBy(col(ID_TOKEN, ID_TAG)).fetch(JooqIdTokenRepository::toToken);
    }

    @Override
    public boolean insert(IdToken t) {
        return db.insertInto(ID_TOKEN).set(ID_TAG, t.idTag()).set(STATUS, t.status().name()).set(EXPIRY, t.expiry())
                .set(PARENT_ID_TAG, t.parentIdTag()).set(DESCRIPTION, t.description())
                .set(CREATED_AT, t.createdAt()).set(UPDATED_AT, t.updatedAt()).set(OPERATOR_ID, t.operatorId())
                .set(DRIVER_ID, t.driverId()).set(KIND, t.kind().name()).set(LOGICAL, t.logicalNumber())
                .set(LOST_AT, t.lostAt())
                .onConflict(key(ID_TOKEN, "id_tag")).doNothing().execute() == 1;
    }

    @Override
    public boolean update(IdToken t) {
        return db.update(ID_TOKEN).set(STATUS, t.status().name()).set(EXPIRY, t.expiry())
                .set(PARENT_ID_TAG, t.parentIdTag()).set(DESCRIPTION, t.description()).set(UPDATED_AT, t.updatedAt())
                .set(DRIVER_ID, t.driverId()).set(LOGICAL, t.logicalNumber()).set(LOST_AT, t.lostAt())
                .where(ID_TAG.eq(t.idTag())).execute() == 1;
    }

    /** Binds a token to a driver only if it is bound to no one (two drivers racing for one card: one wins). */
    public boolean bindIfUnbound(String idTag, long driverId, Instant now) {
        return db.update(ID_TOKEN).set(DRIVER_ID, driverId).set(UPDATED_AT, now).where(ID_TAG.eq(idTag))
                .and(DRIVER_ID.isNull()).execute() == 1;
    }

    @Override
    public boolean delete(String idTag) {
        return db.deleteFrom(ID_TOKEN).where(ID_TAG.eq(idTag)).execute() == 1;
    }

    @Override
    public Page<IdToken> list(TenantScope scope, IdTokenFilter filter, PageRequest page) {
        Field<Long> operator = col(ID_TOKEN, OPERATOR_ID);
        Condition where = scope.isPlatform() ? DSL.noCondition() : operator.eq(scope.operatorId());
        if (filter.status() != null) where = where.and(col(ID_TOKEN, STATUS).eq(filter.status().name()));
        if (filter.driverId() != null) where = where.and(col(ID_TOKEN, DRIVER_ID).eq(filter.driverId()));
        if (filter.kind() != null) where = where.and(col(ID_TOKEN, KIND).eq(filter.kind().name()));
        long total = db.fetchCount(ID_TOKEN, where);
        return new Page<>(select().where(where).orderBy(col(ID_TOKEN, ID_TAG)).limit(page.size()).offset(page.offset())
                .fetch(JooqIdTokenRepository::toToken), page.page(), page.size(), total);
    }

    @Override
    public List<IdToken> all(Long operatorId, int limit) {
        Field<Long> operator = col(ID_TOKEN, OPERATOR_ID);
        return select().where(operator.isNull().or(operatorId == null ? DSL.falseCondition() : operator.eq(operatorId)))
                .orderBy(col(ID_TOKEN, ID_TAG)).limit(limit).fetch(JooqIdTokenRepository::toToken);
    }

    private static IdToken toToken(Record r) {
        return new IdToken(r.get(0, String.class), IdTokenStatus.valueOf(r.get(1, String.class)), r.get(2, Instant.class),
                r.get(3, String.class), r.get(4, String.class), r.get(5, Instant.class), r.get(6, Instant.class),
                r.get(7, Long.class), r.get(8, Long.class), TokenKind.valueOf(r.get(9, String.class)), r.get(10, String.class),
                r.get(11, Instant.class), DriverStatus.BLOCKED.name().equals(r.get(12, String.class)));
    }
}
