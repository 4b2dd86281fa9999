package io.pylon.server.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Security profile 2 (Basic auth over TLS) on a gateway configured with a PKCS#12 keystore, and the
 * {@code reject} policy for unknown chargers.
 */
@TestPropertySource(properties = {"pylon.ocpp.tls.keystore=target/it-tls/ocpp.p12", "pylon.ocpp.tls.keystore-password=changeit",
        "pylon.ocpp.unknown-chargers=reject"})
class TlsProfileIT extends PylonIT {

    static final Path KEYSTORE = Path.of("target/it-tls/ocpp.p12");

    static {
        createKeystore();
    }

    private static void createKeystore() {
        try {
            Files.createDirectories(KEYSTORE.getParent());
            Files.deleteIfExists(KEYSTORE);
            Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
            Process keytool = new ProcessBuilder(java.resolveSibling("keytool").toString(), "-genkeypair", "-alias", "ocpp",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", KEYSTORE.toString(), "-storepass", "changeit")
                    .redirectErrorStream(true).start();
            if (keytool.waitFor() != 0) throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test keystore", e);
        }
    }

    private static HttpClient trustingClient() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    @Test
    void aProfileTwoChargerConnectsOverTlsWithItsPassword() throws Exception {
        api.post("/api/v1/chargers", "{\"id\":\"TLS-A\",\"securityProfile\":2,\"password\":\"tls-pass-123\"}");
        try (RawOcppClient client = RawOcppClient.connectTls(trustingClient(), ocppPort(), "TLS-A", "tls-pass-123")) {
            var reply = client.call("1", "BootNotification", "{\"chargePointVendor\":\"Acme\",\"chargePointModel\":\"X1\"}");
            assertThat(reply.get(2).get("status").asString()).isEqualTo("Accepted");
        }
        assertThatThrownBy(() -> RawOcppClient.connectTls(trustingClient(), ocppPort(), "TLS-A", "wrong-pass"))
                .hasStackTraceContaining("401");
    }

    @Test
    void plainWebSocketIsNotServedOnATlsPort() {
        api.post("/api/v1/chargers", "{\"id\":\"TLS-B\",\"securityProfile\":2,\"password\":\"tls-pass-123\"}");
        assertThatThrownBy(() -> RawOcppClient.connect(ocppPort(), "TLS-B", "tls-pass-123")).isInstanceOf(Exception.class);
    }

    @Test
    void unknownChargersAreRefusedUnderTheRejectPolicy() throws Exception {
        HttpClient client = trustingClient();
        assertThatThrownBy(() -> RawOcppClient.connectTls(client, ocppPort(), "TLS-STRANGER", null)).hasStackTraceContaining("404");
        assertThat(api.get("/api/v1/chargers/TLS-STRANGER").status()).isEqualTo(404);
    }
}
