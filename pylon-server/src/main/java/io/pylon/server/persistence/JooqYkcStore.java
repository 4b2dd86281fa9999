package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.server.ykc.YkcStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The YKC gateway's tables (V11__ykc.sql) in SQL. */
@Repository
public class JooqYkcStore implements YkcStore {

    private static final Table<Record> PILE = DSL.table(DSL.name("ykc_pile"));
    private static final Table<Record> TXN = DSL.table(DSL.name("ykc_transaction"));
    private static final Table<Record> BMS = DSL.table(DSL.name("ykc_bms_frame"));
    private static final Field<Integer> PROTOCOL = integer("protocol_version");
    private static final Field<Integer> PILE_TYPE = integer("pile_type");
    private static final Field<Integer> GUNS = integer("guns");
    private static final Field<Integer> MODEL_NUMBER = integer("model_number");
    private static final Field<String> MODEL_TERMS = str("model_terms");
    private static final Field<Instant> MODEL_SENT_AT = time("model_sent_at");
    private static final Field<Instant> LOGGED_IN_AT = time("logged_in_at");
    private static final Field<String> SERIAL = str("serial");
    private static final Field<Integer> SESSION = integer("session_id");
    private static final Field<String> ORIGIN = str("origin");
    private static final Field<Instant> RECORD_AT = time("record_at");
    private static final Field<BigDecimal> REPORTED_AMOUNT = decimal("reported_amount");
    private static final Field<Long> REPORTED_WH = bigint("reported_wh");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> PAYLOAD = str("payload");
    private static final Field<Instant> RECEIVED_AT = time("received_at");
    private static final Field<String> PILE_ID = str("charger_id");
    private static final Field<Integer> GUN = integer("connector_id");
    private static final Field<String> TAG = str("id_tag");
    private static final Field<Instant> CREATED = time("created_at");

    private final DSLContext db;

    public JooqYkcStore(DSLContext db) {
        this.db = db;
    }

    @Override
    public void loggedIn(String chargerId, int protocolVersion, int pileType, int guns, Instant at) {
        int updated = db.update(PILE).set(PROTOCOL, protocolVersion).set(PILE_TYPE, pileType).set(GUNS, guns)
                .set(LOGGED_IN_AT, at).where(PILE_ID.eq(chargerId)).execute();
        if (updated == 0) {
            db.insertInto(PILE).set(PILE_ID, chargerId).set(PROTOCOL, protocolVersion).set(PILE_TYPE, pileType)
                    .set(GUNS, guns).set(MODEL_NUMBER, 0).set(LOGGED_IN_AT, at)
                    .onConflict(key(PILE, "charger_id")).doNothing().execute();
        }
    }

    @Override
    public boolean isPile(String chargerId) {
        return db.fetchExists(db.selectOne().from(PILE).where(PILE_ID.eq(chargerId)));
    }

    @Override
    public Optional<SentModel> sentModel(String chargerId) {
        return db.select(MODEL_NUMBER, MODEL_TERMS).from(PILE).where(PILE_ID.eq(chargerId))
                .fetchOptional(r -> new SentModel(r.value1(), r.value2()));
    }

    @Override
    public void modelSent(String chargerId, SentModel model, Instant at) {
        db.update(PILE).set(MODEL_NUMBER, model.number()).set(MODEL_TERMS, model.terms()).set(MODEL_SENT_AT, at)
                .where(PILE_ID.eq(chargerId)).execute();
    }

    @Override
    public boolean insert(Transaction t) {
        return db.insertInto(TXN).set(SERIAL, t.serial()).set(PILE_ID, t.chargerId()).set(GUN, t.connectorId())
                .set(TAG, t.idTag()).set(SESSION, t.sessionId() == null ? null : Math.toIntExact(t.sessionId()))
                .set(ORIGIN, t.origin().name()).set(CREATED, t.createdAt())
                .onConflict(key(TXN, "serial")).doNothing().execute() == 1;
    }

    @Override
    public Optional<Transaction> transaction(String serial) {
        return db.select(SERIAL, PILE_ID, GUN, TAG, SESSION, ORIGIN, CREATED, RECORD_AT).from(TXN).where(SERIAL.eq(serial))
                .fetchOptional(JooqYkcStore::toTransaction);
    }

    @Override
    public Optional<Transaction> bySession(long sessionId) {
        return db.select(SERIAL, PILE_ID, GUN, TAG, SESSION, ORIGIN, CREATED, RECORD_AT).from(TXN)
                .where(SESSION.eq(Math.toIntExact(sessionId))).fetchOptional(JooqYkcStore::toTransaction);
    }

    @Override
    public void linkSession(String serial, long sessionId) {
        db.update(TXN).set(SESSION, Math.toIntExact(sessionId)).where(SERIAL.eq(serial)).execute();
    }

    @Override
    public boolean recordHandled(String serial, BigDecimal amount, long energyWh, Instant at) {
        return db.update(TXN).set(RECORD_AT, at).set(REPORTED_AMOUNT, amount).set(REPORTED_WH, energyWh)
                .where(SERIAL.eq(serial)).and(RECORD_AT.isNull()).execute() == 1;
    }

    @Override
    public List<CardUse> cardUses(long operatorId, long driverId, Instant since) {
        Table<Record> token = DSL.table(DSL.name("id_token"));
        Table<Record> charger = DSL.table(DSL.name("charger"));
        Field<String> txnPile = col(TXN, PILE_ID);
        Field<String> txnTag = col(TXN, TAG);
        Field<Integer> txnGun = col(TXN, GUN);
        Field<Instant> txnCreated = col(TXN, CREATED);
        Field<String> tokenTag = col(token, TAG);
        Field<Long> tokenDriver = col(token, bigint("driver_id"));
        Field<String> chargerId = col(charger, str("id"));
        Field<Long> chargerOperator = col(charger, bigint("operator_id"));
        var latest = new java.util.LinkedHashMap<List<String>, CardUse>();
        db.select(txnPile, txnGun, txnTag).from(TXN)
                .join(token).on(tokenTag.eq(txnTag))
                .join(charger).on(chargerId.eq(txnPile))
                .where(tokenDriver.eq(driverId)).and(chargerOperator.eq(operatorId)).and(txnCreated.ge(since))
                .orderBy(txnCreated.desc()).limit(1000)
                .forEach(r -> latest.putIfAbsent(List.of(r.value1(), r.value3()), new CardUse(r.value1(), r.value2(), r.value3())));
        return List.copyOf(latest.values());
    }

    @Override
    public void bmsFrame(String chargerId, int connectorId, String serial, Long sessionId, String kind, String payloadHex,
                         Instant at) {
        db.insertInto(BMS).set(PILE_ID, chargerId).set(GUN, connectorId).set(SERIAL, serial)
                .set(SESSION, sessionId == null ? null : Math.toIntExact(sessionId)).set(KIND, kind)
                .set(PAYLOAD, payloadHex).set(RECEIVED_AT, at).execute();
    }

    private static Transaction toTransaction(org.jooq.Record8<String, String, Integer, String, Integer, String, Instant, Instant> r) {
        return new Transaction(r.value1(), r.value2(), r.value3(), r.value4(), r.value5() == null ? null : r.value5().longValue(),
                Origin.valueOf(r.value6()), r.value7(), r.value8());
    }
}
