package io.pylon.domain.billing;

import io.pylon.domain.tariff.Band;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rounds fractional Wh per band to whole Wh that add up to an exact total (largest-remainder, Hamilton):
 * every band gets the floor of its share; the Wh still missing go one each to the bands with the largest
 * fractional parts (compared exactly), ties broken by {@link Band} order (SHARP first).
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    static Map<Band, Long> allocate(Map<Band, Fraction> exact, long totalWh) {
        Map<Band, Long> whole = new EnumMap<>(Band.class);
        long assigned = 0;
        for (Map.Entry<Band, Fraction> share : exact.entrySet()) {
            long floor = share.getValue().floor();
            whole.put(share.getKey(), floor);
            assigned += floor;
        }
        List<Band> byRemainder = new ArrayList<>(exact.keySet());
        byRemainder.sort(Comparator.<Band, Fraction>comparing(band -> exact.get(band).remainder()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        long missing = totalWh - assigned;
        if (missing < 0 || missing > byRemainder.size()) {
            throw new IllegalStateException("Band shares " + exact + " do not add up to " + totalWh + " Wh");
        }
        for (int i = 0; i < missing; i++) {
            whole.merge(byRemainder.get(i), 1L, Long::sum);
        }
        return whole;
    }
}
