package io.pylon.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Configuration of a {@link SimulatedFleet}. Start from {@link #defaults(URI)} and adjust with the
 * {@code withX} methods.
 *
 * @param baseUrl WebSocket base URL without the charger id, e.g. {@code ws://127.0.0.1:8180/ocpp}
 * @param count number of simulated charge points
 * @param idPrefix charger id prefix; ids are prefix + zero-padded number, e.g. {@code SIM-00001}
 * @param connectorsPerCharger connectors per charge point (1..n)
 * @param chargingShare share 0..1 of connectors that are charging at a time (0 = no automatic sessions)
 * @param meterInterval MeterValues sample interval during sessions (zero = no periodic samples)
 * @param heartbeatInterval heartbeat interval override, or null to use the BootNotification interval
 * @param sourceAddresses local addresses to bind, round robin (empty = any)
 * @param password HTTP Basic password on the upgrade (user = charger id), or null for none
 * @param connectsPerSecond connection ramp rate (0 or less = all at once)
 * @param idTags id tags used to start automatic sessions
 * @param vendor chargePointVendor (also the DataTransfer vendorId the simulator accepts)
 * @param model chargePointModel
 * @param dcShare share 0..1 of charge points that are DC fast chargers (the rest are AC)
 * @param duration how long the fleet runs before closing itself, or null for forever
 * @param meanSessionDuration mean length of an automatic session
 * @param callTimeout how long to wait for a CALLRESULT before counting a timeout
 * @param reconnectDelay initial reconnect backoff (doubles up to 60 s)
 * @param clock clock for timestamps and energy integration
 * @param seed random seed for charger kinds, ratings and session timing
 * @param failoverUrls other base URLs (further nodes of a cluster): a charger whose connection is lost or refused
 *                     reconnects to one of these or {@code baseUrl} picked at random, as a load balancer would send it
 */
public record FleetConfig(
        URI baseUrl,
        int count,
        String idPrefix,
        int connectorsPerCharger,
        double chargingShare,
        Duration meterInterval,
        Duration heartbeatInterval,
        List<InetAddress> sourceAddresses,
        String password,
        double connectsPerSecond,
        List<String> idTags,
        String vendor,
        String model,
        double dcShare,
        Duration duration,
        Duration meanSessionDuration,
        Duration callTimeout,
        Duration reconnectDelay,
        Clock clock,
        long seed,
        List<URI> failoverUrls) {

    /** Validates and normalises the values. */
    public FleetConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(idPrefix, "idPrefix");
        Objects.requireNonNull(meterInterval, "meterInterval");
        Objects.requireNonNull(clock, "clock");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0");
        }
        if (connectorsPerCharger < 1) {
            throw new IllegalArgumentException("connectorsPerCharger must be >= 1");
        }
        if (chargingShare < 0 || chargingShare > 1 || dcShare < 0 || dcShare > 1) {
            throw new IllegalArgumentException("chargingShare and dcShare must be within 0..1");
        }
        sourceAddresses = sourceAddresses == null ? List.of() : List.copyOf(sourceAddresses);
        failoverUrls = failoverUrls == null ? List.of() : List.copyOf(failoverUrls);
        idTags = idTags == null ? List.of() : List.copyOf(idTags);
        vendor = vendor == null ? "Pylon" : vendor;
        model = model == null ? "PylonSim" : model;
        meanSessionDuration = meanSessionDuration == null ? Duration.ofMinutes(20) : meanSessionDuration;
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
        reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(1) : reconnectDelay;
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            duration = null;
        }
    }

    /**
     * Sensible defaults: 10 charge points {@code SIM-00001..} with 2 connectors, half of the connectors charging,
     * meter values every 60 s, the server's heartbeat interval, 20 % DC, 50 connects per second, id tags
     * {@code SIMTAG0001..SIMTAG0010}, running forever.
     *
     * @param baseUrl WebSocket base URL, e.g. {@code ws://127.0.0.1:8180/ocpp}
     * @return the configuration
     */
    public static FleetConfig defaults(URI baseUrl) {
        List<String> tags = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("SIMTAG%04d", i)).toList();
        return new FleetConfig(baseUrl, 10, "SIM-", 2, 0.5, Duration.ofSeconds(60), null, List.of(), null, 50.0,
                tags, "Pylon", "PylonSim", 0.2, null, Duration.ofMinutes(20), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Clock.systemUTC(), 42L, List.of());
    }

    /** @return the id of the charger with the 1-based number {@code n} */
    public String chargerId(int n) {
        int width = Math.max(5, Integer.toString(count).length());
        return idPrefix + String.format("%0" + width + "d", n);
    }

    /** @return a copy with baseUrl replaced */
    public FleetConfig withBaseUrl(URI value) {
        return new FleetConfig(value, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with count replaced */
    public FleetConfig withCount(int value) {
        return new FleetConfig(baseUrl, value, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with idPrefix replaced */
    public FleetConfig withIdPrefix(String value) {
        return new FleetConfig(baseUrl, count, value, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with connectorsPerCharger replaced */
    public FleetConfig withConnectorsPerCharger(int value) {
        return new FleetConfig(baseUrl, count, idPrefix, value, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with chargingShare replaced */
    public FleetConfig withChargingShare(double value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, value, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with meterInterval replaced */
    public FleetConfig withMeterInterval(Duration value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, value, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with heartbeatInterval replaced */
    public FleetConfig withHeartbeatInterval(Duration value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, value, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with sourceAddresses replaced */
    public FleetConfig withSourceAddresses(List<InetAddress> value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, value, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with password replaced */
    public FleetConfig withPassword(String value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, value, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with connectsPerSecond replaced */
    public FleetConfig withConnectsPerSecond(double value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, value, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with idTags replaced */
    public FleetConfig withIdTags(List<String> value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, value, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with vendor replaced */
    public FleetConfig withVendor(String value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, value, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with model replaced */
    public FleetConfig withModel(String value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, value, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with dcShare replaced */
    public FleetConfig withDcShare(double value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, value, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with duration replaced */
    public FleetConfig withDuration(Duration value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, value, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with meanSessionDuration replaced */
    public FleetConfig withMeanSessionDuration(Duration value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, value, callTimeout, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with callTimeout replaced */
    public FleetConfig withCallTimeout(Duration value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, value, reconnectDelay, clock, seed, failoverUrls);
    }

    /** @return a copy with reconnectDelay replaced */
    public FleetConfig withReconnectDelay(Duration value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, value, clock, seed, failoverUrls);
    }

    /** @return a copy with clock replaced */
    public FleetConfig withClock(Clock value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, value, seed, failoverUrls);
    }

    /** @return a copy with seed replaced */
    public FleetConfig withSeed(long value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, value, failoverUrls);
    }

    /** @return a copy with failoverUrls replaced */
    public FleetConfig withFailoverUrls(List<URI> value) {
        return new FleetConfig(baseUrl, count, idPrefix, connectorsPerCharger, chargingShare, meterInterval, heartbeatInterval, sourceAddresses, password, connectsPerSecond, idTags, vendor, model, dcShare, duration, meanSessionDuration, callTimeout, reconnectDelay, clock, seed, value);
    }
}
