package io.pylon.domain.session;

import io.pylon.domain.auth.Authorization;
import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.auth.Authorizer;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.event.DomainEvent.SessionStarted;
import io.pylon.domain.event.DomainEvent.SessionStopped;
import io.pylon.domain.event.DomainEvents;
import io.pylon.domain.reservation.ReservationRepository;
import io.pylon.domain.session.StopOutcome.Result;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessions from start to stop, and their meter values. Every operation is idempotent: a charger
 * that retransmits a start, a stop or meter values (after a lost reply or a reconnect) gets the same
 * answer and changes nothing a second time.
 */
public final class SessionService {

    private final SessionRepository sessions;
    private final MeterValueStore meterValues;
    private final ReservationRepository reservations;
    private final Authorizer authorizer;
    private final Transactions tx;
    private volatile SessionListener listener = SessionListener.NONE;
    private volatile MeterListener meterListener = MeterListener.NONE;
    private volatile DomainEvents events = DomainEvents.NONE;
    private static final System.Logger log = System.getLogger(SessionService.class.getName());
    /** Active session id → charger id, so meter values need no database read to find their session. */
    private final ConcurrentMap<Long, String> activeOwners = new ConcurrentHashMap<>();

    public SessionService(SessionRepository sessions, MeterValueStore meterValues, ReservationRepository reservations,
                          Authorizer authorizer, Transactions tx) {
        this.sessions = sessions;
        this.meterValues = meterValues;
        this.reservations = reservations;
        this.authorizer = authorizer;
        this.tx = tx;
    }

    /** Registers what happens on start and stop (orders and billing); set once at wiring time. */
    public void listen(SessionListener sessionListener) {
        this.listener = sessionListener;
    }

    /** Where session starts and stops are published (in the transaction that stores them); set once at wiring time. */
    /** Who hears every batch of readings (the alarm rules); failures there never fail storing them. */
    public void watch(MeterListener listener) {
        this.meterListener = listener;
    }

    public void publishTo(DomainEvents domainEvents) {
        this.events = domainEvents;
    }

    public Authorization authorize(String chargerId, String idTag) {
        return authorizer.authorize(chargerId, idTag);
    }

    /** A charger started a session; answers the session id and the id token's authorisation. */
    public StartOutcome start(StartRequest request) {
        return tx.inTransaction(() -> {
            Optional<ChargingSession> existing = sessions.findByStart(request.chargerId(), request.connectorId(), request.timestamp());
            if (existing.isPresent()) {
                return replayed(existing.get());
            }
            Authorization auth = authorizer.authorize(request.chargerId(), request.idTag());
            if (auth.accepted() && sessions.hasActive(request.idTag(), auth.parentIdTag())) {
                auth = new Authorization(AuthorizationStatus.CONCURRENT_TX, auth.expiry(), auth.parentIdTag());
            }
            Optional<Long> id = sessions.insert(new NewSession(request.chargerId(), request.connectorId(), request.idTag(),
                    auth.status(), request.reservationId(), request.meterStartWh(), request.timestamp()));
            if (id.isEmpty()) {
                return replayed(sessions.findByStart(request.chargerId(), request.connectorId(), request.timestamp()).orElseThrow());
            }
            if (request.reservationId() != null) {
                reservations.markUsed(request.reservationId(), request.chargerId());
            }
            activeOwners.put(id.get(), request.chargerId());
            if (auth.accepted()) {
                AuthorizationStatus answer = listener.started(sessions.find(id.get()).orElseThrow());
                if (answer != AuthorizationStatus.ACCEPTED) {
                    sessions.refuse(id.get(), answer);
                    auth = new Authorization(answer, auth.expiry(), auth.parentIdTag());
                }
            }
            if (auth.accepted()) {
                events.publish(new SessionStarted(request.chargerId(), id.get(), request.connectorId(), request.idTag(),
                        request.meterStartWh(), request.timestamp()));
            }
            return new StartOutcome(id.get(), auth, false);
        });
    }

    private StartOutcome replayed(ChargingSession session) {
        return new StartOutcome(session.id(), new Authorization(session.authStatus(), null, null), true);
    }

    /** A charger stopped a session. Transaction data is stored first, so a retried stop loses nothing. */
    public StopOutcome stop(StopRequest request) {
        Authorization auth = request.idTag() == null ? null : authorizer.authorize(request.chargerId(), request.idTag());
        Optional<ChargingSession> session = sessions.find(request.transactionId())
                .filter(s -> s.chargerId().equals(request.chargerId()));
        if (session.isEmpty()) {
            return new StopOutcome(Result.UNKNOWN_SESSION, auth);
        }
        ChargingSession s = session.get();
        if (request.transactionData() != null && !request.transactionData().isEmpty()) {
            meterValues.appendRepeated(request.transactionData().stream()
                    .map(sample -> new MeterReading(s.chargerId(), s.connectorId(), s.id(), sample)).toList());
        }
        boolean stopped = tx.inTransaction(() -> {
            boolean done = sessions.complete(s.id(), request.meterStopWh(), request.timestamp(), request.reason(), request.idTag());
            if (done) {
                events.publish(new SessionStopped(s.chargerId(), s.id(), s.connectorId(), request.meterStopWh(),
                        request.reason(), request.timestamp()));
            }
            return done;
        });
        activeOwners.remove(s.id());
        if (stopped) {
            try {
                listener.stopped(sessions.find(s.id()).orElseThrow());
            } catch (RuntimeException e) {
                // The stop itself is stored; billing is retried for stranded orders (see OrderService.catchUp).
                log.log(System.Logger.Level.WARNING, "Billing session " + s.id() + " failed; it will be retried", e);
            }
        }
        return new StopOutcome(stopped ? Result.STOPPED : Result.ALREADY_STOPPED, auth);
    }

    /**
     * Stores meter values. A transaction id that is unknown or belongs to another charger is not linked:
     * the readings are kept against the connector only.
     */
    public void meterValues(String chargerId, int connectorId, Long transactionId, List<MeterSample> samples) {
        Long sessionId = transactionId == null ? null : ownedSession(chargerId, transactionId);
        List<MeterReading> readings = samples.stream().map(s -> new MeterReading(chargerId, connectorId, sessionId, s)).toList();
        meterValues.append(readings);
        try {
            meterListener.readings(readings);
        } catch (RuntimeException e) {
            System.getLogger(SessionService.class.getName()).log(System.Logger.Level.WARNING,
                    "meter readings of " + chargerId + " stored but not watched: " + e);
        }
    }

    private Long ownedSession(String chargerId, long transactionId) {
        String owner = activeOwners.get(transactionId);
        if (owner == null) {
            Optional<ChargingSession> session = sessions.find(transactionId);
            owner = session.map(ChargingSession::chargerId).orElse(null);
            if (session.isPresent() && session.get().state() == SessionState.ACTIVE) {
                activeOwners.put(transactionId, owner);
            }
        }
        return chargerId.equals(owner) ? transactionId : null;
    }
}
