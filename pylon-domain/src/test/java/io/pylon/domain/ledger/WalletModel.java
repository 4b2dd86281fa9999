package io.pylon.domain.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the books should say, kept by the invariant test independently of the ledger, in minor units: per wallet
 * the money in and out, the open holds, and per order what was charged and refunded.
 */
final class WalletModel {

    record WalletId(long operatorId, long driverId) {}

    record Order(WalletId wallet, long charged) {}

    static final class Wallet {
        long topUps, charged, refunds, payouts;
        final Map<String, Long> openHolds = new LinkedHashMap<>();

        long onHold() {
            return openHolds.values().stream().mapToLong(Long::longValue).sum();
        }

        /** top-ups − settled + refunds − payouts: all of the driver's money, available and on hold. */
        long total() {
            return topUps - charged + refunds - payouts;
        }

        long available() {
            return total() - onHold();
        }
    }

    final Map<WalletId, Wallet> wallets = new LinkedHashMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();
    final Map<String, Long> refunded = new HashMap<>();

    Wallet wallet(WalletId id) {
        return wallets.computeIfAbsent(id, k -> new Wallet());
    }

    long refundable(String order) {
        return orders.get(order).charged() - refunded.getOrDefault(order, 0L);
    }

    /** Open holds as (wallet, reference) pairs. */
    List<Map.Entry<WalletId, String>> openHolds() {
        List<Map.Entry<WalletId, String>> all = new ArrayList<>();
        wallets.forEach((id, w) -> w.openHolds.keySet().forEach(ref -> all.add(Map.entry(id, ref))));
        return all;
    }
}
