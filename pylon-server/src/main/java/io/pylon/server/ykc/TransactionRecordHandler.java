package io.pylon.server.ykc;

import io.pylon.domain.order.OrderService;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionRepository;
import io.pylon.ykc.message.TransactionRecord;
import io.pylon.ykc.message.YkcMessage;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 0x3B transaction record: closes the serial's session (billing its order) with the pile's energy and end time,
 * reconciles the pile's amount against Pylon's bill, and confirms (0x40). Idempotent by serial: a record sent
 * again (the pile did not get the confirmation, or uploads after reconnecting) is confirmed again and changes
 * nothing. A record of a session the pile started offline (card, offline card, VIN) opens and closes that
 * session; an app record whose serial the platform never issued is refused ("invalid") and stores nothing.
 */
@Component("ykcTransactionRecordHandler")
public class TransactionRecordHandler implements YkcHandler {

    private static final Logger log = LoggerFactory.getLogger(TransactionRecordHandler.class);
    private final YkcTransactions transactions;
    private final YkcSessions sessions;
    private final YkcStore store;
    private final OrderService orders;
    private final YkcClock clock;
    private final SessionRepository startedAt;

    public TransactionRecordHandler(YkcTransactions transactions, YkcSessions sessions, YkcStore store,
                                    OrderService orders, YkcClock clock, SessionRepository startedAt) {
        this.startedAt = startedAt;
        this.transactions = transactions;
        this.sessions = sessions;
        this.store = store;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Set<Integer> types() {
        return Set.of(TransactionRecord.RECORD);
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        TransactionRecord.Record r = (TransactionRecord.Record) message;
        String pile = connection.pile();
        Optional<YkcStore.Transaction> known = r.pile().equals(pile) && r.gun() >= 1 && !r.end().isBefore(r.start())
                ? session(pile, r) : Optional.empty();
        if (known.isEmpty()) {
            connection.reply(sequence, new TransactionRecord.Confirmation(r.transaction(), false));
            return;
        }
        long sessionId = known.get().sessionId();
        long energyWh = RealTimeDataHandler.wh(r.totalEnergy());
        Instant end = clock.instant(r.end());
        Instant started = startedAt.find(sessionId).map(ChargingSession::startedAt).orElse(end);
        if (end.isBefore(started)) {
            end = started; // a pile clock behind the platform's never ends a session before it began
        }
        sessions.close(pile, sessionId, energyWh, end, "YKC-0x" + Integer.toHexString(r.stopReason()));
        if (store.recordHandled(r.transaction(), r.totalAmount(), energyWh, clock.now())) {
            orders.reconcileChargerAmount(sessionId, r.totalAmount()).filter(d -> d.amount().signum() != 0)
                    .ifPresent(d -> log.info("Pile {}: transaction {} amount differs from the bill by {}", pile,
                            r.transaction(), d));
        }
        sessions.charging(r.transaction());
        connection.reply(sequence, new TransactionRecord.Confirmation(r.transaction(), true));
    }

    /** The record's session: the one its serial opened, or one opened now for a session the pile started alone. */
    private Optional<YkcStore.Transaction> session(String pile, TransactionRecord.Record r) {
        Optional<YkcStore.Transaction> known = transactions.of(pile, r.transaction());
        if (known.isPresent() && known.get().sessionId() != null) return known;
        Optional<String> idTag = r.kind() == TransactionRecord.VIN ? Optional.of(r.vin()).filter(v -> !v.isBlank())
                : YkcCards.idTag(r.physicalCard());
        if (known.isEmpty() && (r.kind() == TransactionRecord.APP || idTag.isEmpty())) {
            log.warn("Pile {}: record for unknown transaction {} (kind {}) refused", pile, r.transaction(), r.kind());
            return Optional.empty();
        }
        if (store.transaction(r.transaction()).filter(t -> !t.chargerId().equals(pile)).isPresent()) {
            log.warn("Pile {}: record names another pile's transaction {}", pile, r.transaction());
            return Optional.empty();
        }
        String tag = known.map(YkcStore.Transaction::idTag).orElseGet(idTag::get);
        if (known.isEmpty()) {
            store.insert(new YkcStore.Transaction(r.transaction(), pile, r.gun(), tag, null, YkcStore.Origin.OFFLINE_RECORD,
                    clock.now(), null));
        }
        Instant start = clock.instant(r.start());
        sessions.open(r.transaction(), pile, r.gun(), tag, start, false);
        return transactions.of(pile, r.transaction()).filter(t -> t.sessionId() != null);
    }
}
