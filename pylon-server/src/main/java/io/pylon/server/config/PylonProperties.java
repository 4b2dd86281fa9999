package io.pylon.server.config;

import io.pylon.domain.charger.UnknownChargerPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform settings ({@code pylon.*}), checked at start-up.
 *
 * @param dataDir       where the embedded database, keys and secrets live (env PYLON_DATA_DIR)
 * @param adminPassword first admin's password (env PYLON_ADMIN_PASSWORD); blank = generate and print once
 * @param nodeId        this node's name in logs and the connection registry (env PYLON_NODE_ID); blank = a new
 *                      name for every process (host name and a random suffix), unique across a cluster
 * @param bus           where domain events and routed commands travel (env PYLON_BUS): {@code inprocess} (one
 *                      node, nothing to run besides the database) or {@code kafka} (several nodes; ADR 0011)
 */
@Validated
@ConfigurationProperties("pylon")
public record PylonProperties(@DefaultValue("./data") Path dataDir,
                              String adminPassword,
                              String nodeId,
                              @DefaultValue("inprocess") Bus bus,
                              @DefaultValue Ocpp ocpp,
                              @DefaultValue Ykc ykc,
                              @DefaultValue Api api,
                              @DefaultValue Demo demo,
                              @DefaultValue Tenancy tenancy,
                              @DefaultValue Payments payments) {

    /** Where domain events and commands for chargers on other nodes travel. */
    public enum Bus { INPROCESS, KAFKA }

    /**
     * Drivers' wallets and top-ups through payment providers.
     *
     * @param minimumBalance what a session start holds from the wallet, in major units of the operator's currency
     *                       (20.00 = ¥20.00); rounded up to the currency's minor unit
     * @param hmacSecret     the secret shared with the generic HMAC-signing gateway (provider {@code hmac}; env
     *                       PYLON_PAYMENT_HMAC_SECRET, at least 16 bytes); blank = generate one on first start into
     *                       {@code <data dir>/payment-hmac.secret} and use that file's text
     * @param hmacPayUrl     the HMAC gateway's pay page the driver app links to and shows as a QR code (env
     *                       PYLON_PAYMENT_PAY_URL), with {@code {merchantOrderId}}, {@code {amount}}, {@code {currency}}
     *                       filled in; blank = the gateway has none (the app then shows only the payment's reference)
     */
    public record Payments(@DefaultValue("20.00") java.math.BigDecimal minimumBalance, String hmacSecret, String hmacPayUrl) {}

    /**
     * Who owns what (env PYLON_TENANCY_MODE).
     *
     * @param mode            single = one operator created at first start; multi = many operators created by
     *                        platform admins, new chargers unassigned until placed; small_owner = one default
     *                        operator whose stations belong to private pile owners
     * @param defaultCurrency currency of the operator created at first start (ISO 4217)
     * @param defaultTimeZone its time zone, the default for its stations
     */
    public record Tenancy(@DefaultValue("single") io.pylon.domain.tenant.OperatingMode mode,
                          @DefaultValue("CNY") java.util.Currency defaultCurrency,
                          @DefaultValue("Asia/Shanghai") java.time.ZoneId defaultTimeZone) {}


    /**
     * The OCPP-J gateway.
     *
     * @param port              WebSocket port (env PYLON_OCPP_PORT)
     * @param unknownChargers   accept | pending | reject a charger seen for the first time (env PYLON_UNKNOWN_CHARGERS)
     * @param heartbeatInterval interval sent to accepted chargers in the BootNotification answer
     * @param pendingRetry      when a pending charger should boot again
     * @param callTimeout       how long a command waits for the charger's answer
     * @param maxFrameBytes     largest WebSocket frame accepted; larger frames close the connection (1009)
     * @param idleTimeout       a connection silent this long (no frame, no pong) is closed
     * @param pingInterval      WebSocket ping interval (keeps NAT and proxies open, detects dead peers)
     * @param maxQueuedCalls    commands queued per charger behind the one outstanding; more are refused
     * @param tls               profile-2 TLS: a PKCS#12 keystore file; when set, the port speaks wss only
     */
    public record Ocpp(@DefaultValue("8180") int port,
                       @DefaultValue("pending") UnknownChargerPolicy unknownChargers,
                       @DefaultValue("300s") Duration heartbeatInterval,
                       @DefaultValue("60s") Duration pendingRetry,
                       @DefaultValue("30s") Duration callTimeout,
                       @DefaultValue("65536") int maxFrameBytes,
                       @DefaultValue("15m") Duration idleTimeout,
                       @DefaultValue("60s") Duration pingInterval,
                       @DefaultValue("100") int maxQueuedCalls,
                       @DefaultValue Tls tls) {}

    /**
     * The YKC (云快充) gateway: piles connect over plain TCP and speak the binary protocol. Registration of
     * unknown piles follows {@code pylon.ocpp.unknown-chargers} (env PYLON_UNKNOWN_CHARGERS).
     *
     * @param port                TCP port (env PYLON_YKC_PORT); 0 = any free port (tests)
     * @param heartbeatInterval   the piles' heartbeat period (the protocol fixes 10 s); a pile silent for three
     *                            periods is offline and its connection closed
     * @param callTimeout         how long a command waits for the pile's answer
     * @param startTimeout        a remote start must be answered (0x33), and the pile must then report charging,
     *                            within this time, else the session is closed (the protocol's 90 s)
     * @param timeZone            the piles' clock: CP56Time2a carries local time (China Standard Time)
     * @param tariffCheckInterval how often the billing model of every connected pile is compared with its
     *                            station's tariff in force, and pushed (0x58) when it changed
     * @param maxGarbageBytes     bytes without a valid frame after which a connection is closed
     * @param cardBalanceWindow   a driver's wallet balance changed (top-up, settlement, refund): the piles where one of
     *                            the driver's cards started a transaction within this time get the new balance (0x42)
     */
    public record Ykc(@DefaultValue("8767") int port,
                      @DefaultValue("10s") Duration heartbeatInterval,
                      @DefaultValue("30s") Duration callTimeout,
                      @DefaultValue("90s") Duration startTimeout,
                      @DefaultValue("Asia/Shanghai") java.time.ZoneId timeZone,
                      @DefaultValue("60s") Duration tariffCheckInterval,
                      @DefaultValue("1036") int maxGarbageBytes,
                      @DefaultValue("24h") Duration cardBalanceWindow) {}

    /** @param keystore PKCS#12 file; empty = plain ws */
    public record Tls(Path keystore, String keystorePassword) {
        public boolean enabled() {
            return keystore != null && !keystore.toString().isBlank();
        }
    }

    /** @param tokenLifetime lifetime of issued JWTs */
    public record Api(@DefaultValue("12h") Duration tokenLifetime) {}

    /**
     * The demo fleet started by {@code ./pylon demo}.
     *
     * @param chargers number of simulated chargers; 0 = no demo fleet
     */
    public record Demo(@DefaultValue("0") int chargers, @DefaultValue("0.5") double chargingShare,
                       @DefaultValue("15s") Duration meterInterval) {}
}
