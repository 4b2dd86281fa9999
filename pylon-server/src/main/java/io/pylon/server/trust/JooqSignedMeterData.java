package io.pylon.server.trust;

import static io.pylon.server.trust.TrustTables.*;

import io.pylon.domain.metering.MeterVerification;
import io.pylon.domain.metering.SignedMeterData;
import io.pylon.domain.metering.VerificationStatus;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.MeterReading;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Signed meter values (OCMF) kept verbatim, and each session's check outcome. */
@Component
public class JooqSignedMeterData implements SignedMeterData {

    /** Most signed values read for one session (chargers sign begin and end, some every reading). */
    static final int MAX_SIGNED = 2_000;

    private final DSLContext db;
    private final Clock clock;

    public JooqSignedMeterData(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores the readings whose format is SignedData, exactly as received; a retransmission stores nothing new. */
    public void store(List<MeterReading> readings) {
        Instant now = clock.instant();
        for (MeterReading r : readings) {
            if (!"SignedData".equals(r.sample().format()) || r.sample().value() == null) {
                continue;
            }
            Instant sampled = r.sample().timestamp() == null ? now : r.sample().timestamp();
            db.insertInto(SIGNED_VALUE, CHARGER_ID, CONNECTOR_ID, SESSION_ID, SAMPLED_AT, CONTEXT, SIGNED_DATA, RECEIVED_AT)
                    .values(r.chargerId(), r.connectorId(), r.sessionId(), sampled, r.sample().context(), r.sample().value(), now)
                    .onConflict(key(SIGNED_VALUE, "charger_id", "connector_id", "sampled_at", "signed_data")).doNothing().execute();
        }
    }

    /** Links the connector's signed values sent without a transaction id during the session to it, then reads them. */
    @Override
    public List<String> forSession(ChargingSession s) {
        db.update(SIGNED_VALUE).set(SESSION_ID, s.id())
                .where(SESSION_ID.isNull()).and(CHARGER_ID.eq(s.chargerId())).and(CONNECTOR_ID.eq(s.connectorId()))
                .and(SAMPLED_AT.ge(s.startedAt()))
                .and(s.stoppedAt() == null ? DSL.noCondition() : SAMPLED_AT.le(s.stoppedAt())).execute();
        return signedData(s.id());
    }

    private List<String> signedData(long sessionId) {
        return new ArrayList<>(db.select(SIGNED_DATA).from(SIGNED_VALUE).where(SESSION_ID.eq(sessionId))
                .orderBy(SAMPLED_AT, LONG_ID).limit(MAX_SIGNED).fetch(SIGNED_DATA));
    }

    @Override
    public void saveCheck(long sessionId, MeterVerification v) {
        Instant now = clock.instant();
        int updated = db.update(METER_CHECK).set(STATUS, v.status().name()).set(REASON, cut(v.reason()))
                .set(METER_SERIAL, v.meterSerial()).set(BEGIN_WH, v.beginWh()).set(END_WH, v.endWh()).set(CHECKED_AT, now)
                .where(SESSION_ID.eq(sessionId)).execute();
        if (updated == 0) {
            db.insertInto(METER_CHECK, SESSION_ID, STATUS, REASON, METER_SERIAL, BEGIN_WH, END_WH, CHECKED_AT)
                    .values(sessionId, v.status().name(), cut(v.reason()), v.meterSerial(), v.beginWh(), v.endWh(), now)
                    .onConflict(key(METER_CHECK, "session_id")).doNothing().execute();
        }
    }

    @Override
    public Optional<MeterVerification> check(long sessionId) {
        return db.select(CHECK_FIELDS).from(METER_CHECK).where(SESSION_ID.eq(sessionId)).fetchOptional(r ->
                new MeterVerification(VerificationStatus.valueOf(r.get(STATUS)), r.get(REASON), r.get(METER_SERIAL),
                        r.get(BEGIN_WH), r.get(END_WH), signedData(sessionId)));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
