package io.pylon.server.alarm.notify;

import io.pylon.server.alarm.AlarmNotice;
import io.pylon.server.alarm.AlarmView;
import io.pylon.server.persistence.JooqAlarmNotifications;
import io.pylon.server.persistence.JooqAlarmNotifications.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells people and systems of alarms. Every change of an alarm goes to the matching webhooks (systems keep their copy in
 * step); a new alarm, or one that got worse, also goes to the people subscribed to its station and severity, by their
 * channel. Messages are written to an outbox first ({@code alarm_delivery}) and sent by whichever node claims them,
 * retried with exponential back-off (5 s doubling, at most an hour apart) and given up after {@value #MAX_ATTEMPTS}
 * attempts; every attempt's outcome is visible on the alarm.
 */
@Service
public class AlarmNotifier {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(AlarmNotifier.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final JooqAlarmNotifications store;
    private final Map<String, AlarmChannel> channels;
    private final JsonMapper json;
    private final Clock clock;
    private final String consoleUrl;
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("alarm-notify-", 0).factory());

    public AlarmNotifier(JooqAlarmNotifications store, List<AlarmChannel> channels, JsonMapper json, Clock clock,
                         @Value("${pylon.public-url:http://localhost:8080}") String consoleUrl) {
        this.store = store;
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(AlarmChannel::channel, Function.identity()));
        this.json = json;
        this.clock = clock;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    /** Whether a channel has an adapter that can send now. */
    public boolean usable(String channel) {
        AlarmChannel c = channels.get(channel);
        return c != null && c.usable();
    }

    @EventListener
    public void on(AlarmNotice notice) {
        AlarmView a = notice.alarm();
        Instant now = clock.instant();
        try {
            String hookPayload = json.writeValueAsString(Map.of("event", "alarm." + notice.kind().toLowerCase(), "alarm", a));
            for (var hook : store.webhooksFor(a.operatorId(), a.stationId(), a.severity())) {
                store.enqueue(a.id(), notice.kind(), "WEBHOOK", hook.id(), hook.url(), hookPayload, now);
            }
            if (notice.worsened()) {
                String message = message(notice);
                for (var s : store.subscriptionsFor(a.operatorId(), a.stationId(), a.severity())) {
                    store.enqueue(a.id(), notice.kind(), s.channel(), s.id(), s.address(), message, now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Notifications of alarm {} ({}) not queued: {}", a.id(), notice.kind(), e.toString());
        }
        senders.execute(this::sendDue);
    }

    /** Sends what is due: new messages at once, failed ones when their back-off has passed. */
    @Scheduled(fixedDelayString = "${pylon.alarms.delivery-check:2s}")
    public void sendDue() {
        Instant now = clock.instant();
        for (long id : store.due(now, 100)) {
            store.claim(id, now, now.plus(CLAIM)).ifPresent(this::attempt);
        }
    }

    private void attempt(Delivery d) {
        AlarmChannel channel = channels.get(d.channel());
        try {
            if (channel == null) throw new IllegalStateException("no " + d.channel() + " adapter is installed");
            channel.send(d);
            store.sent(d.id(), clock.instant());
        } catch (Exception e) {
            int attempts = d.attempts() + 1;
            Instant next = attempts >= MAX_ATTEMPTS ? null
                    : clock.instant().plus(Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts - 1, 20))));
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            store.failed(d.id(), error, next);
            log.info("Alarm {} {} to {} failed (attempt {}{}): {}", d.alarmId(), d.channel(), d.address(), attempts,
                    next == null ? ", giving up" : "", error);
        }
    }

    /** Subject and body of a message to a person (e-mail; SMS/WeChat adapters use the subject line). */
    String message(AlarmNotice notice) {
        AlarmView a = notice.alarm();
        String where = a.chargerId() != null ? a.chargerId() + (a.connectorId() > 0 ? " #" + a.connectorId() : "")
                : a.subject() != null ? a.subject() : "station " + a.stationId();
        String verb = switch (notice.kind()) {
            case "ESCALATED" -> "escalated, still not acknowledged";
            case "SEVERITY_RAISED" -> "got worse";
            default -> "raised";
        };
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("Alarm", a.id());
        lines.put("Severity", a.severity());
        lines.put("What", a.code() + (a.info() == null ? "" : ": " + a.info()));
        lines.put("Where", where + (a.stationId() == null ? "" : " (station " + a.stationId() + ")"));
        lines.put("Raised", a.raisedAt());
        if (a.value() != null) lines.put("Value", a.value().toPlainString());
        if (!a.actions().isEmpty()) lines.put("Actions taken", a.actions());
        if (a.evidence() != null) lines.put("Evidence", a.evidence());
        lines.put("Open", consoleUrl + "/alarms?id=" + a.id());
        String body = lines.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        return "[Pylon] " + a.severity() + " " + a.code() + " at " + where + " " + verb + "\n\n" + body + "\n";
    }
}
