package io.pylon.server.alarm.notify;

import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqAlarmNotifications;
import io.pylon.server.persistence.JooqAlarms;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alarm notifications", description = "Your own alarm subscriptions (e-mail, SMS, WeChat by station and severity), "
        + "the operator's signed webhooks, and what was sent for an alarm")
@RestController
public class NotificationController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JooqAlarmNotifications store;
    private final JooqAlarms alarms;
    private final JooqStations stations;
    private final AlarmNotifier notifier;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    public NotificationController(JooqAlarmNotifications store, JooqAlarms alarms, JooqStations stations, AlarmNotifier notifier,
                                  Callers callers, AuditLog audit, Clock clock) {
        this.store = store;
        this.alarms = alarms;
        this.stations = stations;
        this.notifier = notifier;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code channel} EMAIL, SMS or WECHAT; {@code address} the e-mail address, phone number or WeChat openid. */
    public record SubscriptionRequest(@NotNull @Pattern(regexp = "EMAIL|SMS|WECHAT") String channel,
                                      @NotBlank @Size(max = 200) String address, Long stationId, AlarmSeverity minSeverity) {}

    public record SubscriptionView(long id, String channel, String address, Long stationId, AlarmSeverity minSeverity, Instant createdAt) {
        static SubscriptionView of(JooqAlarmNotifications.Subscription s) {
            return new SubscriptionView(s.id(), s.channel(), s.address(), s.stationId(), s.minSeverity(), s.createdAt());
        }
    }

    public record WebhookRequest(@NotBlank @Size(max = 500) String url, Long stationId, AlarmSeverity minSeverity) {}

    /** A webhook; {@code secret} is shown once, in the answer to its creation. */
    public record WebhookView(long id, Long operatorId, String url, Long stationId, AlarmSeverity minSeverity, boolean enabled,
                              Instant createdAt, String secret) {
        static WebhookView of(JooqAlarmNotifications.Webhook w, boolean withSecret) {
            return new WebhookView(w.id(), w.operatorId(), w.url(), w.stationId(), w.minSeverity(), w.enabled(), w.createdAt(),
                    withSecret ? w.secret() : null);
        }
    }

    public record DeliveryView(long id, String notice, String channel, String address, String status, int attempts,
                               Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
        static DeliveryView of(JooqAlarmNotifications.Delivery d) {
            return new DeliveryView(d.id(), d.notice(), d.channel(), d.address(), d.status(), d.attempts(),
                    "PENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.lastError(), d.createdAt(), d.sentAt());
        }
    }

    @Operation(summary = "Your alarm subscriptions")
    @GetMapping("/api/v1/alarm-subscriptions")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public List<SubscriptionView> subscriptions() {
        return store.subscriptionsOf(callers.current().username()).stream().map(SubscriptionView::of).toList();
    }

    @Operation(summary = "Be told of alarms at a station (or every station you see) from a severity up",
            description = "Station managers name one of their stations. A channel without an adapter (SMS, WeChat by default; "
                    + "e-mail without SMTP) answers 400.")
    @PostMapping("/api/v1/alarm-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public SubscriptionView subscribe(@Valid @RequestBody SubscriptionRequest r) {
        var caller = callers.current();
        TenantScope scope = callers.scope();
        if (!notifier.usable(r.channel())) {
            throw new IllegalArgumentException("No " + r.channel() + " adapter is configured on this platform");
        }
        String address = r.address().strip();
        if ("EMAIL".equals(r.channel()) && !address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("Not an e-mail address: " + address);
        }
        if (r.stationId() != null) {
            stations.find(scope, r.stationId()).orElseThrow(() -> new NoSuchElementException("No station " + r.stationId()));
        } else if (scope.stationIds() != null) {
            throw new IllegalArgumentException("Name one of your stations (stationId)");
        }
        long id = store.subscribe(scope.operatorId(), caller.username(), r.channel(), address, r.stationId(),
                r.minSeverity() == null ? AlarmSeverity.WARNING : r.minSeverity(), clock.instant());
        return store.subscriptionsOf(caller.username()).stream().filter(s -> s.id() == id).map(SubscriptionView::of).findFirst().orElseThrow();
    }

    @Operation(summary = "Stop one of your subscriptions")
    @DeleteMapping("/api/v1/alarm-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public void unsubscribe(@PathVariable long id) {
        if (!store.unsubscribe(callers.current().username(), id)) throw new NoSuchElementException("No subscription " + id);
    }

    @Operation(summary = "Your operator's alarm webhooks (all of them for platform admins); secrets are not shown")
    @GetMapping("/api/v1/alarm-webhooks")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public List<WebhookView> webhooks() {
        TenantScope scope = callers.scope();
        return store.webhooks(scope.operatorId(), scope.isPlatform()).stream()
                .filter(w -> scope.stationIds() == null || w.stationId() != null && scope.stationIds().contains(w.stationId()))
                .map(w -> WebhookView.of(w, false)).toList();
    }

    @Operation(summary = "Send every change of your alarms to a URL, signed with a secret shown once in this answer",
            description = "Header Pylon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">; see docs/alarms.md")
    @PostMapping("/api/v1/alarm-webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public WebhookView addWebhook(@Valid @RequestBody WebhookRequest r) {
        TenantScope scope = callers.scope();
        URI url;
        try {
            url = URI.create(r.url().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + r.url());
        }
        if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("A webhook URL is http(s)://host/…, not " + r.url());
        }
        if (r.stationId() != null) {
            stations.find(scope, r.stationId()).orElseThrow(() -> new NoSuchElementException("No station " + r.stationId()));
        } else if (scope.stationIds() != null) {
            throw new IllegalArgumentException("Name one of your stations (stationId)");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        long id = store.addWebhook(scope.operatorId(), url.toString(), HexFormat.of().formatHex(secret), r.stationId(),
                r.minSeverity() == null ? AlarmSeverity.INFO : r.minSeverity(), clock.instant());
        var hook = store.webhook(id).orElseThrow();
        audit.record(callers.current().username(), hook.operatorId(), AuditLog.Action.CREATE, "alarm_webhook", id, null,
                WebhookView.of(hook, false));
        return WebhookView.of(hook, true);
    }

    @Operation(summary = "Remove a webhook")
    @DeleteMapping("/api/v1/alarm-webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void deleteWebhook(@PathVariable long id) {
        TenantScope scope = callers.scope();
        var hook = store.webhook(id).filter(w -> scope.includesOperator(w.operatorId())
                        || w.stationId() != null && scope.includes(w.operatorId(), w.stationId()))
                .orElseThrow(() -> new NoSuchElementException("No webhook " + id));
        store.deleteWebhook(id);
        audit.record(callers.current().username(), hook.operatorId(), AuditLog.Action.DELETE, "alarm_webhook", id,
                WebhookView.of(hook, false), null);
    }

    @Operation(summary = "What was sent (or is still being tried) for an alarm")
    @GetMapping("/api/v1/alarms/{id}/deliveries")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public List<DeliveryView> deliveries(@PathVariable long id) {
        alarms.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("No alarm " + id));
        return store.deliveries(id).stream().map(DeliveryView::of).toList();
    }
}
