package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import io.pylon.domain.support.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/** A wallet service over in-memory books, and shorthands the ledger tests share. */
final class Books {
    static final long OP = 7;
    static final Currency CNY = Money.CNY;
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryLedger ledger = new InMemoryLedger();
    final WalletService wallet = new WalletService(ledger, ledger.transactions(), clock,
            new WalletSettings(new BigDecimal("20")));

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static BillAmounts bill(String electricity, String service, String idle, String discount) {
        return new BillAmounts(cny(electricity), cny(service), cny(idle), cny(discount));
    }

    TopUpOutcome topUp(long driver, String amount, String key) {
        return wallet.topUp(OP, driver, cny(amount), "payment:" + key, key, "test");
    }

    WalletBalance balance(long driver) {
        return wallet.balance(OP, driver, CNY);
    }

    Money account(AccountType type) {
        return ledger.balance(AccountRef.operator(OP, type), CNY);
    }

    int entryCount() {
        return ledger.entries().size();
    }
}
