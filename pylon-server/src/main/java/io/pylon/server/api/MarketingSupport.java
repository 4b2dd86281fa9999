package io.pylon.server.api;

import io.pylon.domain.driver.Driver;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.security.Callers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/** What the marketing controllers share: the caller's drivers (404 outside scope), the clock and the audit log. */
@Component
class MarketingSupport {

    private final JooqDrivers drivers;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    MarketingSupport(JooqDrivers drivers, Callers callers, AuditLog audit, Clock clock) {
        this.drivers = drivers;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    Driver driver(long id) {
        return drivers.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Driver " + id));
    }

    /** Now, to the microsecond both databases keep. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    String actor() {
        return callers.current().username();
    }

    void audit(Long operatorId, AuditLog.Action action, String entity, Object id, Object before, Object after) {
        audit.record(actor(), operatorId, action, entity, id, before, after);
    }

    /** An enum constant from a request string, the refusal naming the field. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(field + ": one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }

    /** Refuses an amount with more decimals than {@code digits}. */
    static void decimals(BigDecimal value, int digits, String field) {
        if (value != null && value.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(field + ": at most " + digits + " decimals");
        }
    }
}
