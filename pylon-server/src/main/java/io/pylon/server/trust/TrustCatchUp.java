package io.pylon.server.trust;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.order.OrderListener;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffRepository;
import io.pylon.domain.trust.EntryKind;
import io.pylon.domain.trust.Records;
import io.pylon.domain.trust.TransparencyLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes sure the log misses nothing: tariff versions are logged from here (tariffs change rarely, so the API that
 * changes them needs no hook), and orders whose bill is final but that the order listener did not log (a crash, a
 * database error at the wrong moment) are logged after a grace period, and handed to every other order listener
 * (anomaly checks, regulator feed) too — each of them is idempotent.
 */
@Component
public class TrustCatchUp {

    private static final Logger log = LoggerFactory.getLogger(TrustCatchUp.class);
    static final Duration GRACE = Duration.ofMinutes(1);
    static final int BATCH = 500;
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<Long> TARIFF_ID = field(name("tariff_id"), SQLDataType.BIGINT);
    private static final Field<Integer> VERSION = field(name("version"), SQLDataType.INTEGER);
    private static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
    private static final Field<Instant> IDLE_FROM = field(name("idle_from"), SQLDataType.INSTANT);
    private static final Field<Instant> UPDATED_AT = field(name("updated_at"), SQLDataType.INSTANT);

    private final DSLContext db;
    private final TransparencyLog transparency;
    private final TariffRepository tariffs;
    private final OrderRepository orders;
    private final List<OrderListener> orderLoggers;
    private final Clock clock;

    public TrustCatchUp(DSLContext db, TransparencyLog transparency, TariffRepository tariffs, OrderRepository orders,
                        List<OrderListener> listeners, Clock clock) {
        this.db = db;
        this.transparency = transparency;
        this.tariffs = tariffs;
        this.orders = orders;
        // the session logger first: the others (regulator feed) read the entry it writes
        this.orderLoggers = listeners.stream()
                .sorted(java.util.Comparator.comparing(l -> l instanceof io.pylon.domain.trust.SessionLogger ? 0 : 1)).toList();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pylon.trust.catch-up-interval:10s}", initialDelayString = "${pylon.trust.catch-up-interval:10s}")
    public void scheduled() {
        try {
            tariffVersions();
            orders(clock.instant().minus(GRACE));
        } catch (RuntimeException e) {
            log.warn("Transparency log catch-up failed; it runs again", e);
        }
    }

    /** Logs every tariff version not logged yet; answers how many it logged. */
    public int tariffVersions() {
        Set<String> logged = new HashSet<>(db.select(TrustTables.SUBJECT).from(TrustTables.ENTRY)
                .where(TrustTables.KIND.eq(EntryKind.TARIFF.name())).fetch(TrustTables.SUBJECT));
        int appended = 0;
        for (var v : db.select(TARIFF_ID, VERSION).from(table(name("tariff_version"))).orderBy(TARIFF_ID, VERSION).fetch()) {
            if (!logged.contains(Records.tariffSubject(v.value1(), v.value2()))) {
                Tariff tariff = tariffs.find(v.value1()).orElseThrow();
                transparency.append(Records.tariff(tariff, tariff.versions().get(v.value2() - 1)));
                appended++;
            }
        }
        return appended;
    }

    /** Logs orders whose bill became final before {@code before} and that are not logged yet. */
    public int orders(Instant before) {
        var order = table(name("charging_order"));
        var logged = DSL.selectOne().from(TrustTables.ENTRY).where(TrustTables.KIND.eq(EntryKind.SESSION.name()))
                .and(TrustTables.SUBJECT.eq(DSL.concat(DSL.inline("order:"), ID.cast(SQLDataType.VARCHAR(20)))));
        List<Long> missing = db.select(ID).from(order)
                .where(STATE.in("SETTLED", "REFUNDED", "ABNORMAL").or(STATE.eq("FINISHED").and(IDLE_FROM.isNull())))
                .and(UPDATED_AT.lt(before)).andNotExists(logged).orderBy(ID).limit(BATCH).fetch(ID);
        for (long id : missing) {
            orders.find(id).ifPresent(o -> orderLoggers.forEach(l -> l.closed(o)));
        }
        return missing.size();
    }
}
