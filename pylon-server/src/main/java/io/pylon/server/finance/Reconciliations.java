package io.pylon.server.finance;

import io.pylon.domain.reconciliation.Facts;
import io.pylon.domain.reconciliation.Reconciler;
import io.pylon.domain.tenant.Operator;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.JooqReconciliations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily reconciliation per operator. A business day is the operator's local calendar day (its time zone), the day
 * its finance staff close; report_daily rows are compared for the same date (their stations' local day, which is
 * the operator's unless a station sits in another zone).
 *
 * <p>Every hour (at minute 20 by default) each operator whose yesterday has no reconciliation yet gets one: once per
 * day, soon after its own midnight, wherever it is. Re-running a day (on demand) replaces its result.
 */
@Component
public class Reconciliations {

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);
    public static final String SYSTEM = "system";

    private final JooqOperators operators;
    private final Facts.Source source;
    private final JooqReconciliations store;
    private final Clock clock;

    public Reconciliations(JooqOperators operators, Facts.Source source, JooqReconciliations store, Clock clock) {
        this.operators = operators;
        this.source = source;
        this.store = store;
        this.clock = clock;
    }

    /** Reconciles one operator's day now and stores it (replacing an earlier run); answers the stored id. */
    public long run(long operatorId, LocalDate date, String actor) {
        Operator operator = operators.find(operatorId).orElseThrow();
        ZoneId zone = operator.timeZone();
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        Reconciler.Result result = Reconciler.compare(source.read(operatorId, date, from, to));
        return store.save(operatorId, date, zone.getId(), operator.currency().getCurrencyCode(), from, to, result,
                store.postingSums(operatorId, from, to), clock.instant(), actor);
    }

    /** The operator's yesterday, in its own zone. */
    public LocalDate yesterday(Operator operator) {
        return LocalDate.now(clock.withZone(operator.timeZone())).minusDays(1);
    }

    @Scheduled(cron = "${pylon.reconciliation.cron:0 20 * * * *}")
    public void nightly() {
        for (Operator operator : operators.list(TenantScope.platform())) {
            LocalDate day = yesterday(operator);
            if (store.exists(operator.id(), day)) continue;
            try {
                long id = run(operator.id(), day, SYSTEM);
                log.info("Reconciled operator {} for {} (reconciliation {})", operator.code(), day, id);
            } catch (RuntimeException e) {
                log.warn("Reconciling operator {} for {} failed; the next hour tries again", operator.code(), day, e);
            }
        }
    }
}
