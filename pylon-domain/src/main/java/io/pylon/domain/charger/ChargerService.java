package io.pylon.domain.charger;

import io.pylon.domain.charger.ConnectOutcome.Allowed;
import io.pylon.domain.charger.ConnectOutcome.Denied;
import io.pylon.domain.charger.ConnectOutcome.Reason;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.event.DomainEvent;
import io.pylon.domain.event.DomainEvent.ConnectorStatusChanged;
import io.pylon.domain.event.DomainEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.time.Instant;
import java.util.Optional;

/**
 * Registration and liveness of chargers: who may connect, what a boot is answered, connector
 * status with history, online/offline. Protocol-neutral: OCPP and YKC adapters call the same methods.
 */
public final class ChargerService {

    private final ChargerRepository chargers;
    private final PasswordHasher hasher;
    private final ChargerSettings settings;
    private final Clock clock;
    /**
     * Known chargers, so that a reconnect storm does not read the database once per handshake. Entries are
     * refreshed after {@link #CACHE_TTL} (another node may have changed the charger) and dropped on every
     * change made through this service.
     */
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private record Cached(Charger charger, Instant readAt) {}

    private static final System.Logger LOG = System.getLogger(ChargerService.class.getName());
    private final java.util.List<StatusListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.Consumer<ChargerEvent>> eventListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile DomainEvents events = DomainEvents.NONE;
    private final Transactions tx;

    public ChargerService(ChargerRepository chargers, PasswordHasher hasher, ChargerSettings settings, Clock clock,
                          Transactions tx) {
        this.chargers = chargers;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Decides whether a connection may open.
     *
     * @param password      the Basic-auth password offered, or null
     * @param offeredProfile 0 = plain, 1 = Basic, 2 = Basic over TLS
     */
    public ConnectOutcome mayConnect(String chargerId, String password, int offeredProfile) {
        Optional<Charger> known = find(chargerId);
        if (known.isEmpty()) {
            return settings.unknownChargers() == UnknownChargerPolicy.REJECT
                    ? new Denied(Reason.UNKNOWN_CHARGER) : new Allowed(false, false);
        }
        Charger charger = known.get();
        if (charger.registration() == RegistrationStatus.REJECTED) {
            return new Denied(Reason.REJECTED);
        }
        if (offeredProfile < charger.securityProfile()) {
            return new Denied(Reason.PROFILE_TOO_WEAK);
        }
        if (charger.passwordHash() != null || charger.securityProfile() >= 1) {
            if (password == null || charger.passwordHash() == null || !hasher.matches(password, charger.passwordHash())) {
                return new Denied(Reason.BAD_CREDENTIALS);
            }
        }
        return new Allowed(true, charger.registration() == RegistrationStatus.ACCEPTED);
    }

    /** A charger booted: registers an unknown one by the policy, keeps its boot data, answers. */
    public BootOutcome boot(String chargerId, BootInfo info) {
        Instant now = clock.instant();
        Charger charger = find(chargerId).orElseGet(() -> register(chargerId, now));
        chargers.recordBoot(chargerId, info, now);
        RegistrationStatus status = charger.registration();
        return new BootOutcome(status,
                status == RegistrationStatus.ACCEPTED ? settings.heartbeatInterval() : settings.pendingRetry(), now);
    }

    private Charger register(String chargerId, Instant now) {
        RegistrationStatus status = switch (settings.unknownChargers()) {
            case ACCEPT -> RegistrationStatus.ACCEPTED;
            case PENDING -> RegistrationStatus.PENDING;
            case REJECT -> RegistrationStatus.REJECTED;
        };
        Charger created = newCharger(chargerId, status, null, 0, now);
        cache.remove(chargerId);
        if (!chargers.insert(created)) {
            return chargers.find(chargerId).orElseThrow();
        }
        return created;
    }

    /** The charger, from the cache when it was read less than {@link #CACHE_TTL} ago. */
    private Optional<Charger> find(String chargerId) {
        Instant now = clock.instant();
        Cached cached = cache.get(chargerId);
        if (cached != null && cached.readAt().plus(CACHE_TTL).isAfter(now)) {
            return Optional.of(cached.charger());
        }
        Optional<Charger> charger = chargers.find(chargerId);
        charger.ifPresentOrElse(c -> cache.put(chargerId, new Cached(c, now)), () -> cache.remove(chargerId));
        return charger;
    }

    /** Forgets what is cached about a charger (after a change, or its deletion). */
    public void forget(String chargerId) {
        cache.remove(chargerId);
    }

    /** Registers who hears of stored connector statuses (billing hears of vehicles leaving). */
    public void listen(StatusListener statusListener) {
        listeners.add(statusListener);
    }

    /** Where connector status changes are published; set once at wiring time. */
    public void publishTo(DomainEvents domainEvents) {
        this.events = domainEvents;
    }

    /**
     * Stores a connector status and its history entry (durable when this returns) with its
     * {@link ConnectorStatusChanged} event, then tells listeners. With a transactional publisher (the outbox of
     * distributed mode) both go into one commit, the store's group commit where it can; otherwise the status joins
     * the store's group commit and the event is delivered once it is stored.
     */
    public void status(String chargerId, StatusReport report) {
        Instant now = clock.instant();
        Instant at = report.timestamp() == null ? now : report.timestamp();
        ConnectorStatusChanged changed = new ConnectorStatusChanged(chargerId, report.connectorId(), report.status(), report.errorCode(), at);
        if (events.transactional()) {
            if (!chargers.recordStatusWithEvent(chargerId, report, now, changed)) {
                tx.inTransaction(() -> {
                    chargers.recordStatus(chargerId, report, now);
                    events.publish(changed);
                    return null;
                });
            }
        } else {
            chargers.recordStatus(chargerId, report, now);
            events.publish(changed);
        }
        for (StatusListener listener : listeners) {
            try {
                listener.status(chargerId, report, at);
            } catch (RuntimeException e) {
                // The status is stored; whoever listens has its own catch-up (e.g. OrderService.settleIdle).
                LOG.log(System.Logger.Level.WARNING, "Status listener failed for " + chargerId, e);
            }
        }
    }

    /** At start-up no charger is connected to this node yet (chargers held by other nodes stay online). */
    public void markAllOffline() {
        chargers.markOfflineExcept(java.util.List.of());
    }

    /** The charger's connection was accepted here; any older connection of it elsewhere in the cluster is closed. */
    public void connected(String chargerId) {
        Instant now = clock.instant();
        chargers.setOnline(chargerId, true, now);
        events.publish(new DomainEvent.ChargerConnected(chargerId, now));
    }

    public void disconnected(String chargerId) {
        chargers.setOnline(chargerId, false, clock.instant());
    }

    public void firmwareStatus(String chargerId, String status) {
        Instant now = clock.instant();
        chargers.setFirmwareStatus(chargerId, status, now);
        chargers.appendEvent(new ChargerEvent(chargerId, "FirmwareStatus", status, now));
    }

    public void diagnosticsStatus(String chargerId, String status) {
        Instant now = clock.instant();
        chargers.setDiagnosticsStatus(chargerId, status, now);
        chargers.appendEvent(new ChargerEvent(chargerId, "DiagnosticsStatus", status, now));
    }

    public void event(String chargerId, String kind, String detail, Instant occurredAt) {
        ChargerEvent event = new ChargerEvent(chargerId, kind, detail, occurredAt == null ? clock.instant() : occurredAt);
        chargers.appendEvent(event);
        for (java.util.function.Consumer<ChargerEvent> listener : eventListeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Event listener failed for " + chargerId, e);
            }
        }
    }

    /** Registers who hears of charger events once stored (security events, data transfers: meter seal watch). */
    public void listenEvents(java.util.function.Consumer<ChargerEvent> listener) {
        eventListeners.add(listener);
    }

    /**
     * An operator creates a charger before it first connects.
     *
     * @param operatorId null = the platform's default operator, if it has one (single-operator mode)
     */
    public Optional<Charger> create(String id, String description, int securityProfile, String password,
                                    RegistrationStatus status, Long operatorId, Long stationId) {
        Charger charger = new Charger(id, status, null, securityProfile,
                password == null ? null : hasher.hash(password), false, null, null, null, null, 0,
                description, clock.instant(), operatorId, stationId);
        cache.remove(id);
        return chargers.insert(charger) ? Optional.of(charger) : Optional.empty();
    }

    /** An operator changes registration, description, security profile or password (null = keep). */
    public Optional<Charger> update(String id, RegistrationStatus status, String description,
                                    Integer securityProfile, String password) {
        return chargers.find(id).map(c -> {
            Charger updated = new Charger(c.id(), status == null ? c.registration() : status, c.boot(),
                    securityProfile == null ? c.securityProfile() : securityProfile,
                    password == null ? c.passwordHash() : hasher.hash(password), c.online(), c.lastSeen(),
                    c.lastBootAt(), c.firmwareStatus(), c.diagnosticsStatus(), c.localListVersion(),
                    description == null ? c.description() : description, c.createdAt(), c.operatorId(), c.stationId());
            chargers.update(updated);
            cache.remove(id);
            return updated;
        });
    }

    private static Charger newCharger(String id, RegistrationStatus status, String passwordHash, int profile, Instant now) {
        return new Charger(id, status, null, profile, passwordHash, false, null, null, null, null, 0, null, now, null, null);
    }
}
