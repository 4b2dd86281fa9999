package io.pylon.server.support;

import io.pylon.server.PylonApplication;
import io.pylon.server.ocpp.OcppGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of integration tests: the whole platform on random HTTP and OCPP ports, its own database
 * (H2 or PostgreSQL, see {@link TestDatabase}), unknown chargers accepted. The context is shared by
 * all test classes, so each test uses charger ids and id tags of its own. The machine's MQTT broker is
 * shared too: each context subscribes in an MQTT shared-subscription group of its own, so a second
 * context (or another test JVM) gets every message as well instead of taking some of this one's.
 */
@SpringBootTest(classes = PylonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pylon.ocpp.port=0", "pylon.ykc.port=0", "pylon.ykc.tariff-check-interval=1s", "pylon.data-dir=target/it-data", "pylon.admin-password=" + PylonIT.ADMIN_PASSWORD,
                "pylon.ocpp.unknown-chargers=accept", "pylon.tenancy.mode=multi", "pylon.mqtt.url=tcp://127.0.0.1:1883",
                "pylon.mqtt.shared-group=it-${random.uuid}", "spring.mail.host=127.0.0.1", "spring.mail.port=" + PylonIT.SMTP_PORT,
                "pylon.ocpp.call-timeout=5s", "pylon.ocpp.heartbeat-interval=60s",
                // contexts stay cached for the whole run: an idle one gives its pooled connections back, so that
                // PostgreSQL's 100 connections are enough for them and for ClusterIT's three nodes
                "spring.datasource.hikari.minimum-idle=2", "spring.datasource.hikari.idle-timeout=10000",
                // the HMAC gateway's pay page, which the driver app links to (nothing listens there: tests pay by callback)
                "pylon.payments.hmac-pay-url=http://127.0.0.1:9/pay?order={merchantOrderId}&amount={amount}&currency={currency}"})
@ContextConfiguration(initializers = TestDatabase.class)
public abstract class PylonIT {

    public static final String ADMIN_PASSWORD = "test-admin-pw";
    /** Where alarm e-mails go; a test that reads them runs GreenMail on it. */
    public static final int SMTP_PORT = 32525;

    @LocalServerPort
    protected int httpPort;

    @Autowired
    protected OcppGateway gateway;

    @Autowired
    protected io.pylon.server.ykc.YkcGateway ykcGateway;

    @Autowired
    private io.pylon.server.config.OrderListenerPool orderListeners;

    protected Api api;

    @BeforeEach
    void logIn() {
        api = new Api(httpPort).login("admin", ADMIN_PASSWORD);
    }

    protected int ocppPort() {
        return gateway.port();
    }

    protected int ykcPort() {
        return ykcGateway.port();
    }

    protected String ocppUrl() {
        return "ws://127.0.0.1:" + ocppPort() + "/ocpp";
    }

    /**
     * Waits until what listens to final bills (transparency log, anomaly checks, regulator feed) has run: they run
     * after the charger got its answer, so a test that reads their results right after a stop waits here first.
     */
    protected void orderListenersDone() {
        try {
            org.assertj.core.api.Assertions.assertThat(orderListeners.awaitIdle(java.time.Duration.ofSeconds(20)))
                    .as("order listeners idle within 20 s").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
