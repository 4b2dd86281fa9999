package io.pylon.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.HoldOutcome.Held;
import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.SettleOutcome.Settled;
import io.pylon.domain.ledger.WalletModel.WalletId;
import io.pylon.domain.money.Money;
import io.pylon.domain.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of wallet operations (over-refunds, over-payouts, holds beyond the balance and retries with the
 * same keys included) against an independent model; after every step the books must balance and agree with it.
 */
class LedgerInvariantTest {

    private static final int SEEDS = 300;
    private static final int STEPS = 80;
    private static final Map<Long, Currency> OPERATORS = Map.of(1L, Currency.getInstance("CNY"), 2L, Currency.getInstance("JPY"));

    @Test
    void booksBalanceAndWalletsMatchTheModelAfterEveryStep() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            new Run(seed).go();
        }
    }

    private record Call(String what, Supplier<Object> invoke, Object outcome) {}

    private static final class Run {
        final long seed;
        final SplittableRandom random;
        final MutableClock clock = new MutableClock(Books.T0);
        final InMemoryLedger ledger = new InMemoryLedger();
        final WalletService wallet = new WalletService(ledger, ledger.transactions(), clock, new WalletSettings(new BigDecimal("20")));
        final WalletModel model = new WalletModel();
        final List<Call> done = new ArrayList<>();
        int counter;

        Run(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
        }

        void go() {
            for (int step = 0; step < STEPS; step++) {
                clock.advance(Duration.ofSeconds(1));
                String what;
                try {
                    what = step();
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + " step " + step + ": " + e, e);
                }
                new InvariantCheck(seed, what + " at step " + step, ledger, model, OPERATORS).run();
            }
        }

        String step() {
            int dice = random.nextInt(100);
            if (dice < 25) return topUp();
            if (dice < 45) return hold();
            if (dice < 60) return settle();
            if (dice < 67) return release();
            if (dice < 82) return refund();
            if (dice < 90) return payout();
            return replay();
        }

        WalletId anyWallet() {
            return new WalletId(random.nextLong(1, 3), random.nextLong(1, 4));
        }

        Money money(WalletId w, long minor) {
            return Money.ofMinor(minor, OPERATORS.get(w.operatorId()));
        }

        /** A positive amount, often exactly the limit or one minor unit over it, sometimes up to half as much again. */
        long nearLimit(long limit) {
            return switch (random.nextInt(4)) {
                case 0 -> Math.max(1, limit);
                case 1 -> Math.max(1, limit + 1);
                default -> random.nextLong(1, Math.max(2, limit + limit / 2 + 2));
            };
        }

        void remember(String what, Supplier<Object> invoke, Object outcome) {
            done.add(new Call(what, invoke, outcome));
        }

        String topUp() {
            WalletId w = anyWallet();
            long amount = random.nextLong(1, 20_000);
            String key = "top-" + counter++;
            Supplier<Object> call = () -> wallet.topUp(w.operatorId(), w.driverId(), money(w, amount), "payment:" + key, key, "test");
            Object outcome = call.get();
            assertThat(outcome).as("seed %d", seed).isInstanceOf(TopUpOutcome.ToppedUp.class);
            model.wallet(w).topUps += amount;
            remember("top-up", call, outcome);
            return "top-up";
        }

        String hold() {
            WalletId w = anyWallet();
            Currency currency = OPERATORS.get(w.operatorId());
            boolean minimum = random.nextBoolean();
            long amount = minimum ? new WalletSettings(new BigDecimal("20")).minimumBalance(currency).minorUnits()
                    : nearLimit(Math.min(model.wallet(w).available(), 15_000));
            HoldAmount requested = minimum ? HoldAmount.minimumBalance(currency) : HoldAmount.exactly(money(w, amount));
            String ref = "order:" + counter++;
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

        String settle() {
            List<Map.Entry<WalletId, String>> open = model.openHolds();
            if (!open.isEmpty() && random.nextInt(10) > 0) {
                Map.Entry<WalletId, String> pick = open.get(random.nextInt(open.size()));
                return settle(pick.getKey(), pick.getValue());
            }
            return settle(anyWallet(), "order:" + counter++);
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
                Object outcome = wallet.release(w.operatorId(), w.driverId(), "order:" + counter++);
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
            if (model.orders.isEmpty()) return topUp();
            List<String> refs = new ArrayList<>(model.orders.keySet());
            String ref = refs.get(random.nextInt(refs.size()));
            WalletId w = model.orders.get(ref).wallet();
            long refundable = model.refundable(ref);
            long amount = nearLimit(refundable);
            String key = "refund-" + counter++;
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

        String payout() {
            WalletId w = anyWallet();
            long available = model.wallet(w).available();
            long amount = nearLimit(available);
            String key = "payout-" + counter++;
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
            if (done.isEmpty()) return topUp();
            Call call = done.get(random.nextInt(done.size()));
            List<JournalEntry> before = ledger.entries();
            Object again = call.invoke().get();
            assertThat(ledger.entries()).as("seed %d: replayed %s moved money", seed, call.what()).isEqualTo(before);
            assertThat(again).as("seed %d: replayed %s", seed, call.what()).usingRecursiveComparison()
                    .ignoringFields("owed").isEqualTo(call.outcome());
            return "replay of " + call.what();
        }
    }
}
