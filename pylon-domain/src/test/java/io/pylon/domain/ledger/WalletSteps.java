package io.pylon.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.HoldOutcome.Held;
import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.WalletModel.WalletId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/** The invariant test's wallet steps: top-ups, holds, payouts and replays, each checked against the model. */
final class WalletSteps extends Steps {

    WalletSteps(RandomRun run) {
        super(run);
    }

    String topUp() {
        WalletId w = anyWallet();
        long amount = random.nextLong(1, 20_000);
        String key = "top-" + next();
        Supplier<Object> call = () -> wallet.topUp(w.operatorId(), w.driverId(), money(w, amount), "payment:" + key, key, "test");
        Object outcome = call.get();
        assertThat(outcome).as("seed %d", seed).isInstanceOf(TopUpOutcome.ToppedUp.class);
        model.wallet(w).topUps += amount;
        remember("top-up", call, outcome);
        return "top-up";
    }

    String hold() {
        WalletId w = anyWallet();
        Currency currency = RandomRun.OPERATORS.get(w.operatorId());
        boolean minimum = random.nextBoolean();
        long amount = minimum ? new WalletSettings(new BigDecimal("20")).minimumBalance(currency).minorUnits()
                : nearLimit(Math.min(model.wallet(w).available(), 15_000));
        HoldAmount requested = minimum ? HoldAmount.minimumBalance(currency) : HoldAmount.exactly(money(w, amount));
        String ref = "order:" + next();
        Supplier<Object> call = () -> wallet.placeHold(w.operatorId(), w.driverId(), ref, requested);
        Object outcome = call.get();
        WalletModel.Wallet mw = model.wallet(w);
        if (mw.available() >= amount) {
            assertThat(outcome).as("seed %d", seed).isEqualTo(new Held(ref, money(w, amount)));
            mw.openHolds.put(ref, amount);
            remember("hold", call, outcome);
        } else {
            assertThat(outcome).as("seed %d", seed)
                    .isEqualTo(new Rejected(Reason.INSUFFICIENT_BALANCE, money(w, amount - mw.available())));
        }
        return "hold";
    }

    String payout() {
        WalletId w = anyWallet();
        long available = model.wallet(w).available();
        long amount = nearLimit(available);
        String key = "payout-" + next();
        Supplier<Object> call = () -> wallet.payout(w.operatorId(), w.driverId(), money(w, amount), "payout:" + key, key, "ops");
        Object outcome = call.get();
        if (amount <= available) {
            assertThat(outcome).as("seed %d", seed).isEqualTo(new PayoutOutcome.PaidOut("payout:" + key, money(w, amount)));
            model.wallet(w).payouts += amount;
            remember("payout", call, outcome);
            return "payout";
        }
        assertThat(outcome).as("seed %d", seed).isEqualTo(new Rejected(Reason.EXCEEDS_AVAILABLE, money(w, available)));
        return "over-payout";
    }

    String replay() {
        if (run.done.isEmpty()) return topUp();
        RandomRun.Call call = run.done.get(random.nextInt(run.done.size()));
        List<JournalEntry> before = run.ledger.entries();
        Object again = call.invoke().get();
        assertThat(run.ledger.entries()).as("seed %d: replayed %s moved money", seed, call.what()).isEqualTo(before);
        assertThat(again).as("seed %d: replayed %s", seed, call.what()).usingRecursiveComparison()
                .ignoringFields("owed").isEqualTo(call.outcome());
        return "replay of " + call.what();
    }
}
