package io.pylon.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.SettleOutcome.Settled;
import io.pylon.domain.ledger.WalletModel.WalletId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The invariant test's order steps: settlements, releases and refunds, each checked against the model. */
final class OrderSteps extends Steps {

    OrderSteps(RandomRun run) {
        super(run);
    }

    String settle() {
        List<Map.Entry<WalletId, String>> open = model.openHolds();
        if (!open.isEmpty() && random.nextInt(10) > 0) {
            Map.Entry<WalletId, String> pick = open.get(random.nextInt(open.size()));
            return settle(pick.getKey(), pick.getValue());
        }
        return settle(anyWallet(), "order:" + next());
    }

    String settle(WalletId w, String ref) {
        BillAmounts bill = randomBill(w);
        Supplier<Object> call = () -> wallet.settle(w.operatorId(), w.driverId(), ref, bill);
        Object outcome = call.get();
        WalletModel.Wallet mw = model.wallet(w);
        long held = mw.openHolds.getOrDefault(ref, 0L);
        long charged = bill.charged().minorUnits();
        mw.openHolds.remove(ref);
        mw.charged += charged;
        if (held > 0 || bill.gross().isPositive()) {
            model.orders.put(ref, new WalletModel.Order(w, charged)); // else nothing to record, nothing settled
        }
        Settled expected = new Settled(ref, bill, money(w, Math.min(held, charged)), money(w, Math.max(0, charged - held)),
                money(w, Math.max(0, held - charged)), money(w, Math.max(0, -mw.available())));
        assertThat(outcome).as("seed %d", seed).isEqualTo(expected);
        remember("settle", call, outcome);
        return "settle";
    }

    BillAmounts randomBill(WalletId w) {
        long e = random.nextLong(0, 12_000), s = random.nextLong(0, 4_000), i = random.nextInt(3) == 0 ? random.nextLong(0, 2_000) : 0;
        long d = random.nextInt(3) == 0 ? random.nextLong(0, e + s + i + 1) : 0;
        return new BillAmounts(money(w, e), money(w, s), money(w, i), money(w, d));
    }

    String release() {
        List<Map.Entry<WalletId, String>> open = model.openHolds();
        if (open.isEmpty() || random.nextInt(5) == 0) {
            WalletId w = anyWallet();
            Object outcome = wallet.release(w.operatorId(), w.driverId(), "order:" + next());
            assertThat(outcome).as("seed %d", seed).isEqualTo(new Rejected(Reason.NOTHING_HELD, null));
            return "release of nothing";
        }
        Map.Entry<WalletId, String> pick = open.get(random.nextInt(open.size()));
        WalletId w = pick.getKey();
        Supplier<Object> call = () -> wallet.release(w.operatorId(), w.driverId(), pick.getValue());
        Object outcome = call.get();
        long held = model.wallet(w).openHolds.remove(pick.getValue());
        assertThat(outcome).as("seed %d", seed).isEqualTo(new ReleaseOutcome.Released(pick.getValue(), money(w, held)));
        remember("release", call, outcome);
        return "release";
    }

    String refund() {
        if (model.orders.isEmpty()) return run.walletSteps.topUp();
        List<String> refs = new ArrayList<>(model.orders.keySet());
        String ref = refs.get(random.nextInt(refs.size()));
        WalletId w = model.orders.get(ref).wallet();
        long refundable = model.refundable(ref);
        long amount = nearLimit(refundable);
        String key = "refund-" + next();
        Supplier<Object> call = () -> wallet.refund(w.operatorId(), w.driverId(), ref, money(w, amount), "test", key, "ops");
        Object outcome = call.get();
        if (amount <= refundable) {
            assertThat(outcome).as("seed %d", seed).isInstanceOf(RefundOutcome.Refunded.class);
            assertThat(((RefundOutcome.Refunded) outcome).reversed().charged()).as("seed %d", seed).isEqualTo(money(w, amount));
            model.refunded.merge(ref, amount, Long::sum);
            model.wallet(w).refunds += amount;
            remember("refund", call, outcome);
            return "refund";
        }
        assertThat(outcome).as("seed %d", seed).isEqualTo(new Rejected(Reason.EXCEEDS_REFUNDABLE, money(w, refundable)));
        return "over-refund";
    }
}
