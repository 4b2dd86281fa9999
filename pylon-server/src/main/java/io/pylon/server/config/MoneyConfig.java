package io.pylon.server.config;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.ledger.LedgerRepository;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.ledger.WalletSettings;
import io.pylon.domain.payment.HmacPaymentProvider;
import io.pylon.domain.payment.PaymentProvider;
import io.pylon.domain.payment.PaymentRepository;
import io.pylon.domain.payment.PaymentService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the wallet and payment services of the domain to their adapters and settings ({@code pylon.payments}). */
@Configuration
public class MoneyConfig {

    /** The name callbacks of the generic HMAC gateway are routed by: {@code /api/v1/payments/callbacks/hmac}. */
    public static final String HMAC_PROVIDER = "hmac";
    static final String GENERATED_SECRET_FILE = "payment-hmac.secret";

    @Bean
    WalletService walletService(LedgerRepository ledger, Transactions tx, Clock clock, PylonProperties properties) {
        return new WalletService(ledger, tx, clock, new WalletSettings(properties.payments().minimumBalance()));
    }

    /** The secret's UTF-8 bytes key the HMAC: the configured text, or the text generated into the data directory. */
    @Bean
    HmacPaymentProvider hmacPaymentProvider(PylonProperties properties, Clock clock) {
        String secret = properties.payments().hmacSecret();
        if (secret == null || secret.isBlank()) {
            secret = SecretFiles.loadOrCreate(properties.dataDir().resolve(GENERATED_SECRET_FILE), "payment gateway secret");
        }
        byte[] key = secret.strip().getBytes(StandardCharsets.UTF_8);
        if (key.length < 16) {
            throw new IllegalStateException("pylon.payments.hmac-secret (PYLON_PAYMENT_HMAC_SECRET) needs at least 16 bytes");
        }
        return new HmacPaymentProvider(HMAC_PROVIDER, key, clock, properties.payments().hmacPayUrl());
    }

    @Bean
    PaymentService paymentService(PaymentRepository payments, WalletService wallets, List<PaymentProvider> providers,
                                  Transactions tx, Clock clock) {
        return new PaymentService(payments, wallets, providers, tx, clock);
    }
}
