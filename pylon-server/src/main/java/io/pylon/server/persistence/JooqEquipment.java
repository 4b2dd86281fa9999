package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.auth.ChargerOwners;
import io.pylon.domain.station.ConnectorSpec;
import io.pylon.domain.station.ConnectorStandard;
import io.pylon.domain.station.CurrentType;
import io.pylon.domain.station.Equipment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * What operators say about chargers and connectors: owner, station, model, AC/DC, power, connector
 * standards and codes. Also answers which operator owns a charger, cached because every Authorize asks.
 */
@Repository
public class JooqEquipment implements ChargerOwners {

    private static final Field<String> PRODUCT_MODEL = str("product_model");
    private static final Field<String> CURRENT_TYPE = str("current_type");
    private static final Field<BigDecimal> RATED_POWER = decimal("rated_power_kw");
    private static final Field<String> OFFLINE_BILLING = str("offline_billing");
    private static final Field<String> STANDARD = str("standard");
    private static final Field<BigDecimal> MAX_POWER = decimal("max_power_kw");
    private static final Field<String> CODE = str("code");
    private static final List<Field<?>> COLUMNS = List.of(OPERATOR_ID, STATION_ID, PRODUCT_MODEL, CURRENT_TYPE, RATED_POWER, OFFLINE_BILLING);
    private static final List<Field<?>> SPEC_COLUMNS = List.of(CHARGER_ID, CONNECTOR_ID, STANDARD, MAX_POWER, CODE);
    /** Sentinel for "no operator" in the cache (ConcurrentHashMap holds no nulls). */
    private static final long NONE = Long.MIN_VALUE;

    private final DSLContext db;
    private final ConcurrentMap<String, Long> owners = new ConcurrentHashMap<>();

    public JooqEquipment(DSLContext db) {
        this.db = db;
    }

    public Optional<Equipment> find(String chargerId) {
        return db.select(COLUMNS).from(CHARGER).where(ID.eq(chargerId)).fetchOptional(r -> new Equipment(
                r.get(OPERATOR_ID), r.get(STATION_ID), r.get(PRODUCT_MODEL),
                r.get(CURRENT_TYPE) == null ? null : CurrentType.valueOf(r.get(CURRENT_TYPE)),
                power(r.get(RATED_POWER)), r.get(OFFLINE_BILLING)));
    }

    public void update(String chargerId, Equipment e) {
        db.update(CHARGER).set(OPERATOR_ID, e.operatorId()).set(STATION_ID, e.stationId())
                .set(PRODUCT_MODEL, e.productModel()).set(CURRENT_TYPE, e.currentType() == null ? null : e.currentType().name())
                .set(RATED_POWER, e.ratedPowerKw()).set(OFFLINE_BILLING, e.offlineBilling())
                .set(UPDATED_AT, java.time.Instant.now()).where(ID.eq(chargerId)).execute();
        owners.remove(chargerId);
    }

    @Override
    public Long operatorOf(String chargerId) {
        // Never read the database inside computeIfAbsent: it holds a lock on the map's bin while it runs, and a
        // thread inside a transaction (holding a connection) that waits for that bin, while the reader waits for a
        // connection, starves the pool. Two racing readers simply both read.
        Long owner = owners.get(chargerId);
        if (owner == null) {
            Long operator = db.select(OPERATOR_ID).from(CHARGER).where(ID.eq(chargerId)).fetchOne(org.jooq.Record1::value1);
            owner = operator == null ? NONE : operator;
            owners.putIfAbsent(chargerId, owner);
        }
        return owner == NONE ? null : owner;
    }

    /** Forgets cached owners (a charger was created, moved or deleted). */
    public void forget(String chargerId) {
        owners.remove(chargerId);
    }

    public List<ConnectorSpec> specs(String chargerId) {
        return db.select(SPEC_COLUMNS).from(CONNECTOR_SPEC).where(CHARGER_ID.eq(chargerId)).orderBy(CONNECTOR_ID)
                .fetch(JooqEquipment::toSpec);
    }

    /** The connector a driver means by this code (from a QR code or typed in). */
    public Optional<ConnectorSpec> byCode(String code) {
        return db.select(SPEC_COLUMNS).from(CONNECTOR_SPEC).where(CODE.eq(code)).fetchOptional(JooqEquipment::toSpec);
    }

    /** Stores a connector's spec; false if its code is already used by another connector. */
    public boolean saveSpec(ConnectorSpec spec) {
        Optional<ConnectorSpec> holder = byCode(spec.code());
        if (holder.isPresent() && !(holder.get().chargerId().equals(spec.chargerId())
                && holder.get().connectorId() == spec.connectorId())) {
            return false;
        }
        try {
            db.insertInto(CONNECTOR_SPEC).set(CHARGER_ID, spec.chargerId()).set(CONNECTOR_ID, spec.connectorId())
                    .set(STANDARD, spec.standard().name()).set(MAX_POWER, spec.maxPowerKw()).set(CODE, spec.code())
                    .onConflict(key(CONNECTOR_SPEC, "charger_id", "connector_id")).doUpdate()
                    .set(STANDARD, spec.standard().name()).set(MAX_POWER, spec.maxPowerKw()).set(CODE, spec.code())
                    .execute();
            return true;
        } catch (org.jooq.exception.IntegrityConstraintViolationException | org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public boolean deleteSpec(String chargerId, int connectorId) {
        return db.deleteFrom(CONNECTOR_SPEC).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId)).execute() == 1;
    }

    private static BigDecimal power(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static ConnectorSpec toSpec(Record r) {
        return new ConnectorSpec(r.get(CHARGER_ID), r.get(CONNECTOR_ID), ConnectorStandard.valueOf(r.get(STANDARD)),
                power(r.get(MAX_POWER)), r.get(CODE));
    }
}
