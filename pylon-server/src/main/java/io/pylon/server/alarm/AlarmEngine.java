package io.pylon.server.alarm;

import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.alarm.Alarms;
import io.pylon.domain.alarm.RaisedAlarm;
import io.pylon.domain.auth.Authorizer;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.JooqAlarms;
import io.pylon.server.persistence.JooqAlarms.Alarm;
import io.pylon.server.persistence.JooqLive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The alarm engine: turns signals from every detector into alarms with one lifecycle (raised → acknowledged → cleared,
 * automatically or by hand), de-duplicated by key, escalated one severity up when nobody acknowledges them in time, each
 * step kept in the alarm's history. A new alarm (or one that got worse) runs its actions on the charger and is announced
 * as an {@link AlarmNotice}, which the console push and the notification channels pick up.
 */
@Service
public class AlarmEngine implements Alarms {

    private static final Logger log = LoggerFactory.getLogger(AlarmEngine.class);
    static final String PLATFORM = "platform";

    private final JooqAlarms alarms;
    private final JooqLive live;
    private final ChargerSafety safety;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Chargers locked out by an alarm: read on every start, so kept in memory, re-read from the database every few seconds. */
    private volatile Set<String> lockedOut = Set.of();

    public AlarmEngine(JooqAlarms alarms, JooqLive live, ChargerSafety safety, ApplicationEventPublisher events, Clock clock,
                       Authorizer authorizer) {
        this.alarms = alarms;
        this.live = live;
        this.safety = safety;
        this.events = events;
        this.clock = clock;
        this.lockedOut = Set.copyOf(alarms.lockedOutChargers());
        authorizer.refuseWhen(chargerId -> lockedOut.contains(chargerId));
    }

    /** Other nodes lock chargers out and clear alarms too: their lock-outs reach this node within this period. */
    @Scheduled(fixedDelayString = "${pylon.alarms.lockout-refresh:5s}")
    public void refreshLockouts() {
        lockedOut = Set.copyOf(alarms.lockedOutChargers());
    }

    @Override
    public RaisedAlarm raise(AlarmSignal signal) {
        Instant now = clock.instant();
        for (int attempt = 0; ; attempt++) {
            Optional<Alarm> open = alarms.openByKey(signal.dedupKey());
            if (open.isPresent()) {
                Alarm before = open.get();
                Alarm after = alarms.refresh(before, signal, now);
                Set<AlarmAction> added = EnumSet.noneOf(AlarmAction.class);
                added.addAll(after.actions());
                added.removeAll(before.actions());
                if (after.severity().compareTo(before.severity()) > 0) {
                    alarms.event(after.id(), now, "SEVERITY_RAISED", signal.source(), before.severity() + " → " + after.severity()
                            + (signal.message() == null ? "" : ": " + signal.message()));
                    act(after, added);
                    announce("SEVERITY_RAISED", after);
                } else if (!added.isEmpty()) {
                    act(after, added);
                }
                return new RaisedAlarm(after.id(), false, after.severity());
            }
            Long operatorId = signal.operatorId();
            Long stationId = signal.stationId();
            if (signal.chargerId() != null && (operatorId == null || stationId == null)) {
                var owner = live.owner(signal.chargerId()).orElse(new JooqLive.Owner(null, null));
                if (operatorId == null) operatorId = owner.operatorId();
                if (stationId == null) stationId = owner.stationId();
            }
            if (operatorId == null && stationId != null) operatorId = live.stationOperator(stationId).orElse(null);
            Optional<Alarm> created = alarms.insert(signal, operatorId, stationId, now);
            if (created.isPresent()) {
                Alarm alarm = created.get();
                alarms.event(alarm.id(), now, "RAISED", signal.source(), signal.message());
                log.info("Alarm {} raised: {} {} at {} ({})", alarm.id(), alarm.severity(), alarm.code(), where(alarm), signal.source());
                act(alarm, alarm.actions());
                announce("RAISED", alarm);
                return new RaisedAlarm(alarm.id(), true, alarm.severity());
            }
            if (attempt > 2) throw new IllegalStateException("Alarm " + signal.dedupKey() + " could not be raised nor found");
        }
    }

    @Override
    public boolean resolve(String dedupKey, Instant at) {
        return resolve(dedupKey, at, PLATFORM);
    }

    /** Clears the open alarm of this key automatically, naming who saw the condition end (the charger, a sensor). */
    public boolean resolve(String dedupKey, Instant at, String by) {
        Optional<Alarm> open = alarms.openByKey(dedupKey);
        if (open.isEmpty()) return false;
        Alarm alarm = open.get();
        if (alarm.lockout()) {
            return false;
        }
        return clear(alarm, by, "condition ended", at);
    }

    @Override
    public void recordAction(long alarmId, String actor, String outcome) {
        alarms.event(alarmId, clock.instant(), "ACTION", actor, outcome);
    }

    @Override
    public long attach(long alarmId, String contentType, byte[] content) {
        return alarms.attach(alarmId, contentType, content, clock.instant());
    }

    /** A person acknowledges: someone is on it (escalation stops). False if it is acknowledged or cleared already. */
    public boolean acknowledge(Alarm alarm, String by, String note) {
        Instant now = clock.instant();
        if (!alarms.acknowledge(alarm.id(), by, now)) return false;
        alarms.event(alarm.id(), now, "ACKNOWLEDGED", by, note);
        announce("ACKNOWLEDGED", alarms.find(TenantScope.platform(), alarm.id()).orElseThrow());
        return true;
    }

    /** A person clears an alarm (this is the only way out of a lock-out). False if it is cleared already. */
    public boolean clearByHand(Alarm alarm, String by, String note) {
        return clear(alarm, by, note, clock.instant());
    }

    private boolean clear(Alarm alarm, String by, String detail, Instant at) {
        if (!alarms.clear(alarm.id(), by, at)) return false;
        alarms.event(alarm.id(), at, "CLEARED", by, detail);
        if (alarm.lockout()) refreshLockouts();
        announce("CLEARED", alarms.find(TenantScope.platform(), alarm.id()).orElseThrow());
        return true;
    }

    /** Alarms nobody acknowledged within their rule's escalation time go one severity up (and are announced again). */
    @Scheduled(fixedDelayString = "${pylon.alarms.escalation-check:5s}")
    public void escalate() {
        Instant now = clock.instant();
        for (Alarm alarm : alarms.escalating()) {
            Instant since = alarm.escalatedAt() != null ? alarm.escalatedAt() : alarm.raisedAt();
            if (since.plus(Duration.ofSeconds(alarm.escalateAfterSeconds())).isAfter(now)) continue;
            AlarmSeverity to = alarm.severity().escalated();
            if (alarms.escalate(alarm.id(), to, now)) {
                alarms.event(alarm.id(), now, "ESCALATED", PLATFORM, alarm.severity() + " → " + to + ": not acknowledged within "
                        + alarm.escalateAfterSeconds() + " s");
                announce("ESCALATED", alarms.find(TenantScope.platform(), alarm.id()).orElseThrow());
            }
        }
    }

    private void act(Alarm alarm, Set<AlarmAction> actions) {
        if (actions.isEmpty() || alarm.chargerId() == null) return;
        String charger = alarm.chargerId();
        int connector = alarm.connectorId();
        if (actions.contains(AlarmAction.LOCK_OUT)) {
            refreshLockouts();
            alarms.event(alarm.id(), clock.instant(), "ACTION", PLATFORM, "charger " + charger + " locked out until cleared by hand");
        }
        if (actions.contains(AlarmAction.STOP_SESSION)) {
            safety.stopCharging(charger, connector).thenAccept(outcomes -> outcomes.forEach(o -> history(alarm, o)));
        }
        if (actions.contains(AlarmAction.MAKE_UNAVAILABLE)) {
            safety.makeUnavailable(charger, connector, o -> history(alarm, o)).thenAccept(o -> history(alarm, o));
        }
    }

    private void history(Alarm alarm, String outcome) {
        try {
            alarms.event(alarm.id(), clock.instant(), "ACTION", PLATFORM, outcome);
        } catch (RuntimeException e) {
            log.warn("Alarm {}: action outcome not recorded ({}): {}", alarm.id(), outcome, e.toString());
        }
    }

    private void announce(String kind, Alarm alarm) {
        events.publishEvent(new AlarmNotice(kind, AlarmView.of(alarm).changed(kind)));
    }

    private static String where(Alarm a) {
        return a.chargerId() != null ? a.chargerId() + "#" + a.connectorId() : a.subject() != null ? a.subject() : "station " + a.stationId();
    }
}
