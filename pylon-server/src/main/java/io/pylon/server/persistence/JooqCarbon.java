package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.marketing.CarbonFactor;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carbon factors (kg CO₂ saved per kWh) per operator and region code, region {@value #DEFAULT} being the
 * operator's default, and the region each station is in.
 */
@Repository
public class JooqCarbon {

    /** The region code of an operator's default factor. */
    public static final String DEFAULT = "DEFAULT";

    static final Table<Record> FACTOR = DSL.table(DSL.name("carbon_factor"));
    static final Table<Record> STATION_REGION = DSL.table(DSL.name("station_carbon_region"));
    private static final Field<String> REGION = str("region");
    private static final Field<BigDecimal> KG = decimal("kg_per_kwh");
    private static final Field<String> UPDATED_BY = str("updated_by");
    private static final Field<Long> SR_STATION = bigint("station_id");

    /** A stored factor and the stations named in its region. */
    public record Factor(long operatorId, String region, BigDecimal kgPerKwh, List<Long> stationIds, String updatedBy,
                         Instant updatedAt) {}

    private final DSLContext db;
    private final TransactionTemplate savepoint;

    public JooqCarbon(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public Page<Factor> factors(TenantScope scope, String region, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, null);
        if (region != null) where = where.and(REGION.eq(region));
        long total = db.fetchCount(FACTOR, where);
        return new Page<>(db.select(OPERATOR_ID, REGION, KG, UPDATED_BY, UPDATED_AT).from(FACTOR).where(where)
                .orderBy(OPERATOR_ID, REGION).limit(page.size()).offset(page.offset()).fetch(this::toFactor),
                page.page(), page.size(), total);
    }

    public Optional<Factor> factor(long operatorId, String region) {
        return db.select(OPERATOR_ID, REGION, KG, UPDATED_BY, UPDATED_AT).from(FACTOR).where(OPERATOR_ID.eq(operatorId))
                .and(REGION.eq(region)).fetchOptional(this::toFactor);
    }

    @Transactional
    public void put(long operatorId, String region, BigDecimal kgPerKwh, String actor, Instant now) {
        Upserts.upsert(savepoint,
                () -> db.update(FACTOR).set(KG, kgPerKwh).set(UPDATED_BY, actor).set(UPDATED_AT, now)
                        .where(OPERATOR_ID.eq(operatorId)).and(REGION.eq(region)).execute(),
                () -> db.insertInto(FACTOR).set(OPERATOR_ID, operatorId).set(REGION, region).set(KG, kgPerKwh)
                        .set(UPDATED_BY, actor).set(UPDATED_AT, now).execute());
    }

    public boolean delete(long operatorId, String region) {
        return db.deleteFrom(FACTOR).where(OPERATOR_ID.eq(operatorId)).and(REGION.eq(region)).execute() == 1;
    }

    public Optional<String> regionOf(long stationId) {
        return db.select(REGION).from(STATION_REGION).where(SR_STATION.eq(stationId)).fetchOptional(org.jooq.Record1::value1);
    }

    /** Names the region a station is in (null: none, the operator's default applies). */
    @Transactional
    public void setRegion(long operatorId, long stationId, String region) {
        if (region == null) {
            db.deleteFrom(STATION_REGION).where(SR_STATION.eq(stationId)).execute();
            return;
        }
        Upserts.upsert(savepoint,
                () -> db.update(STATION_REGION).set(REGION, region).where(SR_STATION.eq(stationId)).execute(),
                () -> db.insertInto(STATION_REGION).set(SR_STATION, stationId).set(OPERATOR_ID, operatorId)
                        .set(REGION, region).execute());
    }

    /** The factor a station's sessions use: its region's, else the operator's default; empty: the platform's. */
    public Optional<CarbonFactor> effective(long operatorId, Long stationId) {
        Optional<String> region = stationId == null ? Optional.empty() : regionOf(stationId);
        return region.flatMap(r -> factor(operatorId, r)).or(() -> factor(operatorId, DEFAULT))
                .map(f -> new CarbonFactor(f.region(), f.kgPerKwh()));
    }

    private Factor toFactor(Record r) {
        List<Long> stations = db.select(SR_STATION).from(STATION_REGION).where(OPERATOR_ID.eq(r.get(OPERATOR_ID)))
                .and(REGION.eq(r.get(REGION))).orderBy(SR_STATION).fetch(org.jooq.Record1::value1);
        return new Factor(r.get(OPERATOR_ID), r.get(REGION), r.get(KG).setScale(4, RoundingMode.UNNECESSARY), stations,
                r.get(UPDATED_BY), r.get(UPDATED_AT));
    }
}
