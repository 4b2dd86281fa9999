package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import io.pylon.domain.charger.BootInfo;
import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerEvent;
import io.pylon.domain.charger.ChargerFilter;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ConnectorState;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.RegistrationStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.pylon.domain.event.DomainEvent;
import io.pylon.server.bus.OutboxDomainEvents;
import io.pylon.server.cluster.NodeIdentity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Chargers, connectors, status history and charger events in SQL. */
@Repository
public class JooqChargerRepository implements ChargerRepository {

    private static final Field<String> REGISTRATION = str("registration_status");
    private static final Field<String> VENDOR = str("vendor");
    private static final Field<String> MODEL = str("model");
    private static final Field<String> SERIAL = str("serial_number");
    private static final Field<String> BOX_SERIAL = str("charge_box_serial_number");
    private static final Field<String> FIRMWARE = str("firmware_version");
    private static final Field<String> ICCID = str("iccid");
    private static final Field<String> IMSI = str("imsi");
    private static final Field<String> METER_TYPE = str("meter_type");
    private static final Field<String> METER_SERIAL = str("meter_serial_number");
    private static final Field<Integer> PROFILE = integer("security_profile");
    private static final Field<String> PASSWORD = str("password_hash");
    private static final Field<Boolean> ONLINE = bool("online");
    private static final Field<Instant> LAST_SEEN = time("last_seen");
    private static final Field<Instant> LAST_BOOT = time("last_boot_at");
    private static final Field<String> FW_STATUS = str("firmware_status");
    private static final Field<Instant> FW_STATUS_AT = time("firmware_status_at");
    private static final Field<String> DIAG_STATUS = str("diagnostics_status");
    private static final Field<Instant> DIAG_STATUS_AT = time("diagnostics_status_at");
    private static final Field<Integer> LIST_VERSION = integer("local_list_version");
    private static final Field<String> ERROR_CODE = str("error_code");
    private static final Field<String> INFO = str("info");
    private static final Field<String> VENDOR_ID = str("vendor_id");
    private static final Field<String> VENDOR_ERROR = str("vendor_error_code");
    private static final Field<Instant> STATUS_AT = time("status_at");
    private static final Field<Instant> RECEIVED_AT = time("received_at");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> DETAIL = str("detail");
    private static final Field<Instant> OCCURRED_AT = time("occurred_at");

    private static final java.util.List<org.jooq.Field<?>> COLUMNS = java.util.List.of(ID, REGISTRATION, VENDOR, MODEL, SERIAL, BOX_SERIAL, FIRMWARE, ICCID, IMSI, METER_TYPE, METER_SERIAL, PROFILE, PASSWORD, ONLINE, LAST_SEEN, LAST_BOOT, FW_STATUS, DIAG_STATUS, LIST_VERSION, DESCRIPTION, CREATED_AT, OPERATOR_ID, STATION_ID);

    private static final java.util.List<org.jooq.Field<?>> CONNECTOR_COLUMNS = java.util.List.of(CHARGER_ID, CONNECTOR_ID, STATUS, ERROR_CODE, INFO, VENDOR_ID, VENDOR_ERROR, STATUS_AT);

    private static final java.util.List<org.jooq.Field<?>> CONNECTOR_COLUMNS_H = java.util.List.of(CHARGER_ID, CONNECTOR_ID, STATUS, ERROR_CODE, INFO, VENDOR_ID, VENDOR_ERROR, STATUS_AT);

    private static final java.util.List<org.jooq.Field<?>> EVENT_COLUMNS = java.util.List.of(CHARGER_ID, KIND, DETAIL, OCCURRED_AT);

    /** The node holding the charger's connection (ADR 0011); null = none. */
    private static final Field<String> NODE = str("node_id");

    private final DSLContext db;
    private final Tenancy tenancy;
    private final DailyRollups rollups;
    private final BatchingStatusStore statusStore;
    private final SpringTransactions transactions;
    private final String node;
    private final OutboxDomainEvents outbox;

    public JooqChargerRepository(DSLContext db, Tenancy tenancy, DailyRollups rollups, BatchingStatusStore statusStore,
                                 SpringTransactions transactions, NodeIdentity node, ObjectProvider<OutboxDomainEvents> outbox) {
        this.outbox = outbox.getIfAvailable();
        this.db = db;
        this.tenancy = tenancy;
        this.rollups = rollups;
        this.statusStore = statusStore;
        this.transactions = transactions;
        this.node = node.id();
    }

    /** Rows this node may mark offline: its own, or held by nobody (a charger held by another node is not ours to drop). */
    private Condition heldHere() {
        return NODE.eq(node).or(NODE.isNull());
    }

    @Override
    public Optional<Charger> find(String id) {
        return db.select(COLUMNS).from(CHARGER).where(ID.eq(id)).fetchOptional(this::toCharger);
    }

    @Override
    public boolean insert(Charger c) {
        try {
            return db.insertInto(CHARGER)
                    .set(ID, c.id()).set(REGISTRATION, c.registration().name()).set(PROFILE, c.securityProfile())
                    .set(PASSWORD, c.passwordHash()).set(ONLINE, false).set(LIST_VERSION, 0)
                    .set(DESCRIPTION, c.description()).set(CREATED_AT, c.createdAt()).set(UPDATED_AT, c.createdAt())
                    .set(OPERATOR_ID, c.operatorId() != null ? c.operatorId() : tenancy.defaultOperatorId())
                    .set(STATION_ID, c.stationId())
                    .onConflict(key(CHARGER, "id")).doNothing().execute() == 1;
        } catch (IntegrityConstraintViolationException | DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void update(Charger c) {
        db.update(CHARGER).set(REGISTRATION, c.registration().name()).set(PROFILE, c.securityProfile())
                .set(PASSWORD, c.passwordHash()).set(DESCRIPTION, c.description()).set(UPDATED_AT, Instant.now())
                .where(ID.eq(c.id())).execute();
    }

    @Override
    public boolean delete(String id) {
        return db.deleteFrom(CHARGER).where(ID.eq(id)).execute() == 1;
    }

    @Override
    public Page<Charger> list(ChargerFilter filter, PageRequest page) {
        Condition where = scoped(filter.scope(), OPERATOR_ID, STATION_ID);
        if (filter.stationId() != null) where = where.and(STATION_ID.eq(filter.stationId()));
        if (filter.registration() != null) where = where.and(REGISTRATION.eq(filter.registration().name()));
        if (filter.online() != null) where = where.and(ONLINE.eq(filter.online()));
        if (filter.connectorStatus() != null) {
            where = where.and(exists(selectOne().from(CONNECTOR)
                    .where(field(name("connector", "charger_id"), String.class).eq(field(name("charger", "id"), String.class)))
                    .and(field(name("connector", "status"), String.class).eq(filter.connectorStatus().name()))));
        }
        long total = db.fetchCount(CHARGER, where);
        List<Charger> items = db.select(COLUMNS).from(CHARGER).where(where).orderBy(ID)
                .limit(page.size()).offset(page.offset()).fetch(this::toCharger);
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public void recordBoot(String id, BootInfo b, Instant at) {
        db.update(CHARGER).set(VENDOR, b.vendor()).set(MODEL, b.model()).set(SERIAL, b.serialNumber())
                .set(BOX_SERIAL, b.chargeBoxSerialNumber()).set(FIRMWARE, b.firmwareVersion()).set(ICCID, b.iccid())
                .set(IMSI, b.imsi()).set(METER_TYPE, b.meterType()).set(METER_SERIAL, b.meterSerialNumber())
                .set(LAST_BOOT, at).set(LAST_SEEN, at).set(ONLINE, true).set(NODE, node).set(UPDATED_AT, at).where(ID.eq(id)).execute();
    }

    /** In distributed mode a report and its event's outbox row share the status group commit (not a fault: see below). */
    @Override
    public boolean recordStatusWithEvent(String chargerId, StatusReport r, Instant receivedAt, DomainEvent event) {
        if (outbox == null || r.status() == ConnectorStatus.FAULTED
                || org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        statusStore.record(chargerId, r, receivedAt, outbox.row(event));
        return true;
    }

    @Override
    public void recordStatus(String chargerId, StatusReport r, Instant receivedAt) {
        if (r.status() != ConnectorStatus.FAULTED
                && !org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            statusStore.record(chargerId, r, receivedAt);
            return;
        }
        // In the caller's transaction (e.g. with an outbox event), or a fault, which also counts in the day's fault
        // figures in the same transaction (rare: not worth batching).
        transactions.inTransaction(() -> {
            Instant at = r.timestamp() == null ? receivedAt : r.timestamp();
            db.insertInto(STATUS_HISTORY).set(CHARGER_ID, chargerId).set(CONNECTOR_ID, r.connectorId())
                    .set(STATUS, r.status().name()).set(ERROR_CODE, r.errorCode()).set(INFO, r.info())
                    .set(VENDOR_ID, r.vendorId()).set(VENDOR_ERROR, r.vendorErrorCode()).set(STATUS_AT, at)
                    .set(RECEIVED_AT, receivedAt).execute();
            rollups.fault(chargerId, at);
            int updated = db.update(CONNECTOR).set(STATUS, r.status().name()).set(ERROR_CODE, r.errorCode())
                    .set(INFO, r.info()).set(VENDOR_ID, r.vendorId()).set(VENDOR_ERROR, r.vendorErrorCode())
                    .set(STATUS_AT, at)
                    .where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(r.connectorId())).and(STATUS_AT.le(at)).execute();
            if (updated == 0) {
                db.insertInto(CONNECTOR).set(CHARGER_ID, chargerId).set(CONNECTOR_ID, r.connectorId())
                        .set(STATUS, r.status().name()).set(ERROR_CODE, r.errorCode()).set(INFO, r.info())
                        .set(VENDOR_ID, r.vendorId()).set(VENDOR_ERROR, r.vendorErrorCode()).set(STATUS_AT, at)
                        .onConflict(key(CONNECTOR, "charger_id", "connector_id")).doNothing().execute();
            }
            return null;
        });
    }

    @Override
    public List<ConnectorState> connectors(String chargerId) {
        return db.select(CONNECTOR_COLUMNS).from(CONNECTOR).where(CHARGER_ID.eq(chargerId)).orderBy(CONNECTOR_ID)
                .fetch(r -> new ConnectorState(r.get(CHARGER_ID), r.get(CONNECTOR_ID),
                        ConnectorStatus.valueOf(r.get(STATUS)), r.get(ERROR_CODE), r.get(INFO), r.get(VENDOR_ERROR),
                        r.get(STATUS_AT)));
    }

    @Override
    public List<StatusReport> statusHistory(String chargerId, int connectorId, int limit) {
        return db.select(CONNECTOR_COLUMNS_H).from(STATUS_HISTORY).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId))
                .orderBy(STATUS_AT.desc(), INT_ID.desc()).limit(limit).fetch(JooqChargerRepository::statusReport);
    }

    @Override
    public List<StatusReport> statusHistorySince(String chargerId, int connectorId, Instant from, int limit) {
        return db.select(CONNECTOR_COLUMNS_H).from(STATUS_HISTORY).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId))
                .and(STATUS_AT.ge(from)).orderBy(STATUS_AT, INT_ID).limit(limit).fetch(JooqChargerRepository::statusReport);
    }

    private static StatusReport statusReport(Record r) {
        return new StatusReport(r.get(CONNECTOR_ID), ConnectorStatus.valueOf(r.get(STATUS)), r.get(ERROR_CODE),
                r.get(INFO), r.get(VENDOR_ID), r.get(VENDOR_ERROR), r.get(STATUS_AT));
    }

    @Override
    public void setOnline(String id, boolean online, Instant at) {
        if (online) {
            db.update(CHARGER).set(ONLINE, true).set(NODE, node).set(LAST_SEEN, at).where(ID.eq(id)).execute();
        } else {
            // A late close on this node must not mark offline a charger that already reconnected to another.
            db.update(CHARGER).set(ONLINE, false).set(NODE, (String) null).set(LAST_SEEN, at)
                    .where(ID.eq(id)).and(heldHere()).execute();
        }
    }

    @Override
    public void touch(Map<String, Instant> lastSeen) {
        if (lastSeen.isEmpty()) return;
        var batch = db.batch(db.update(CHARGER).set(LAST_SEEN, (Instant) null).where(ID.eq((String) null)));
        lastSeen.forEach((id, at) -> batch.bind(at, id));
        batch.execute();
    }

    @Override
    public void markOfflineExcept(Collection<String> connected) {
        Condition where = ONLINE.isTrue().and(heldHere());
        if (!connected.isEmpty()) where = where.and(ID.notIn(connected));
        db.update(CHARGER).set(ONLINE, false).set(NODE, (String) null).where(where).execute();
    }

    @Override
    public void setFirmwareStatus(String id, String status, Instant at) {
        db.update(CHARGER).set(FW_STATUS, status).set(FW_STATUS_AT, at).where(ID.eq(id)).execute();
    }

    @Override
    public void setDiagnosticsStatus(String id, String status, Instant at) {
        db.update(CHARGER).set(DIAG_STATUS, status).set(DIAG_STATUS_AT, at).where(ID.eq(id)).execute();
    }

    @Override
    public void setLocalListVersion(String id, int version) {
        db.update(CHARGER).set(LIST_VERSION, version).where(ID.eq(id)).execute();
    }

    @Override
    public void appendEvent(ChargerEvent e) {
        db.insertInto(CHARGER_EVENT).set(CHARGER_ID, e.chargerId()).set(KIND, e.kind())
                .set(DETAIL, e.detail() == null ? null : e.detail().substring(0, Math.min(4000, e.detail().length())))
                .set(OCCURRED_AT, e.occurredAt()).execute();
    }

    @Override
    public List<ChargerEvent> events(String chargerId, int limit) {
        return db.select(EVENT_COLUMNS).from(CHARGER_EVENT).where(CHARGER_ID.eq(chargerId)).orderBy(OCCURRED_AT.desc(), INT_ID.desc())
                .limit(limit).fetch(r -> new ChargerEvent(r.get(CHARGER_ID), r.get(KIND), r.get(DETAIL), r.get(OCCURRED_AT)));
    }

    private Charger toCharger(Record r) {
        BootInfo boot = r.get(VENDOR) == null && r.get(MODEL) == null ? null
                : new BootInfo(r.get(VENDOR), r.get(MODEL), r.get(SERIAL), r.get(BOX_SERIAL), r.get(FIRMWARE),
                r.get(ICCID), r.get(IMSI), r.get(METER_TYPE), r.get(METER_SERIAL));
        return new Charger(r.get(ID), RegistrationStatus.valueOf(r.get(REGISTRATION)), boot, r.get(PROFILE),
                r.get(PASSWORD), r.get(ONLINE), r.get(LAST_SEEN), r.get(LAST_BOOT), r.get(FW_STATUS),
                r.get(DIAG_STATUS), r.get(LIST_VERSION), r.get(DESCRIPTION), r.get(CREATED_AT), r.get(OPERATOR_ID),
                r.get(STATION_ID));
    }
}
