package io.pylon.server.trust;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.metering.Meter;
import io.pylon.domain.metering.MeterRepository;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds operators of meters due for rotation (re-verification or replacement): once per meter, when its due date
 * is {@code pylon.trust.meter-reminder-days} (90) away or past, a {@code MeterRotationDue} event goes into the
 * charger's event log. The meter list ({@code /api/v1/meters}) flags the same meters.
 */
@Component
public class MeterReminders {

    private static final Logger log = LoggerFactory.getLogger(MeterReminders.class);
    static final int BATCH = 500;

    private final MeterRepository meters;
    private final ChargerService chargers;
    private final Clock clock;
    private final int noticeDays;

    public MeterReminders(MeterRepository meters, ChargerService chargers, Clock clock,
                          @Value("${pylon.trust.meter-reminder-days:90}") int noticeDays) {
        this.meters = meters;
        this.chargers = chargers;
        this.clock = clock;
        this.noticeDays = noticeDays;
    }

    @Scheduled(cron = "${pylon.trust.meter-reminder-cron:0 0 9 * * *}")
    public void daily() {
        try {
            remind(LocalDate.now(clock));
        } catch (RuntimeException e) {
            log.warn("Meter rotation reminders failed; they run again tomorrow", e);
        }
    }

    /** Sends the reminders due on {@code today}; answers how many. */
    public int remind(LocalDate today) {
        int sent = 0;
        for (Meter m : meters.reminderDue(today.plusDays(noticeDays), BATCH)) {
            chargers.event(m.chargerId(), "MeterRotationDue", "meter " + m.serial() + " (connector " + m.connectorId()
                    + ") first verified " + m.firstVerifiedOn() + " is due for rotation on " + m.rotationDueOn(), null);
            meters.reminded(m.id(), clock.instant());
            sent++;
        }
        return sent;
    }
}
