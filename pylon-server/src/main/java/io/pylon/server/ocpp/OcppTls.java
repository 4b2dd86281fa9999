package io.pylon.server.ocpp;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProtocols;
import io.pylon.server.config.PylonProperties;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import org.springframework.stereotype.Component;

/** Security profile 2: TLS 1.2+ from a PKCS#12 keystore, when one is configured. */
@Component
public class OcppTls {

    private final SslContext context;

    public OcppTls(PylonProperties properties) throws Exception {
        PylonProperties.Tls tls = properties.ocpp().tls();
        if (tls == null || !tls.enabled()) {
            context = null;
            return;
        }
        char[] password = tls.keystorePassword() == null ? new char[0] : tls.keystorePassword().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        context = SslContextBuilder.forServer(keys).protocols(SslProtocols.TLS_v1_3, SslProtocols.TLS_v1_2).build();
    }

    /** The TLS context, or null for plain WebSocket. */
    public SslContext context() {
        return context;
    }
}
