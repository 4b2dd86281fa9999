package io.pylon.domain.tariff;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random day schedules (runs of random bands) for property tests, replayable from the random's seed. */
public final class RandomSchedules {

    private RandomSchedules() {
    }

    public static DaySchedule of(SplittableRandom random) {
        List<Band> slots = new ArrayList<>();
        Band[] bands = Band.values();
        while (slots.size() < DaySchedule.SLOTS) {
            Band band = bands[random.nextInt(bands.length)];
            int run = 1 + random.nextInt(random.nextBoolean() ? 4 : 16);
            for (int i = 0; i < run && slots.size() < DaySchedule.SLOTS; i++) {
                slots.add(band);
            }
        }
        return new DaySchedule(slots);
    }
}
