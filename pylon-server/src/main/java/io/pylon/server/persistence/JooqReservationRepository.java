package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.reservation.Reservation;
import io.pylon.domain.reservation.ReservationRepository;
import io.pylon.domain.reservation.ReservationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Reservations in SQL. */
@Repository
public class JooqReservationRepository implements ReservationRepository {

    private static final Field<Instant> EXPIRY = time("expiry");
    private static final Field<String> DETAIL = str("detail");

    private static final java.util.List<org.jooq.Field<?>> COLUMNS = java.util.List.of(INT_ID, CHARGER_ID, CONNECTOR_ID, ID_TAG, PARENT_ID_TAG, EXPIRY, STATUS, DETAIL, CREATED_AT);

    private final DSLContext db;

    public JooqReservationRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public int create(String chargerId, int connectorId, String idTag, String parentIdTag, Instant expiry, Instant now) {
        return db.insertInto(RESERVATION).set(CHARGER_ID, chargerId).set(CONNECTOR_ID, connectorId).set(ID_TAG, idTag)
                .set(PARENT_ID_TAG, parentIdTag).set(EXPIRY, expiry).set(STATUS, ReservationStatus.REQUESTED.name())
                .set(CREATED_AT, now).returningResult(INT_ID).fetchOne().value1();
    }

    @Override
    public Optional<Reservation> find(int id) {
        return db.select(COLUMNS).from(RESERVATION).where(INT_ID.eq(id)).fetchOptional(JooqReservationRepository::toReservation);
    }

    @Override
    public void setStatus(int id, ReservationStatus status, String detail) {
        db.update(RESERVATION).set(STATUS, status.name())
                .set(DETAIL, detail == null ? null : detail.substring(0, Math.min(200, detail.length())))
                .where(INT_ID.eq(id)).execute();
    }

    @Override
    public void markUsed(int id, String chargerId) {
        db.update(RESERVATION).set(STATUS, ReservationStatus.USED.name())
                .where(INT_ID.eq(id)).and(CHARGER_ID.eq(chargerId)).execute();
    }

    @Override
    public List<Reservation> forCharger(String chargerId, int limit) {
        return db.select(COLUMNS).from(RESERVATION).where(CHARGER_ID.eq(chargerId)).orderBy(CREATED_AT.desc()).limit(limit)
                .fetch(JooqReservationRepository::toReservation);
    }

    private static Reservation toReservation(Record r) {
        return new Reservation(r.get(INT_ID), r.get(CHARGER_ID), r.get(CONNECTOR_ID), r.get(ID_TAG), r.get(PARENT_ID_TAG),
                r.get(EXPIRY), ReservationStatus.valueOf(r.get(STATUS)), r.get(DETAIL), r.get(CREATED_AT));
    }
}
