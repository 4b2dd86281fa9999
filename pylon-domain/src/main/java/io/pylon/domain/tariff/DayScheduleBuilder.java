package io.pylon.domain.tariff;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * Assembles a {@link DaySchedule} from ranges {@code [from, to)} of local time. {@code to} equal to
 * 00:00 means the end of the day; {@code to} before {@code from} wraps past midnight. Times must lie on
 * half-hour boundaries; {@link #build()} refuses overlaps and gaps, naming the first offending slot.
 */
public final class DayScheduleBuilder {

    private final Band[] slots = new Band[DaySchedule.SLOTS];

    DayScheduleBuilder() {
    }

    public DayScheduleBuilder band(LocalTime from, LocalTime to, Band band) {
        Objects.requireNonNull(band, "band");
        int first = slot(from);
        int end = slot(to);
        if (end == 0) {
            end = DaySchedule.SLOTS;
        }
        if (end == first) {
            throw new IllegalArgumentException("Empty range " + from + "-" + to);
        }
        int count = end > first ? end - first : DaySchedule.SLOTS - first + end;
        for (int k = 0; k < count; k++) {
            int i = (first + k) % DaySchedule.SLOTS;
            if (slots[i] != null) {
                throw new IllegalArgumentException("Ranges overlap at " + describe(i) + " (" + slots[i]
                        + " and " + band + ")");
            }
            slots[i] = band;
        }
        return this;
    }

    public DaySchedule build() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                throw new IllegalArgumentException("No band for " + describe(i));
            }
        }
        return new DaySchedule(Arrays.asList(slots.clone()));
    }

    private static int slot(LocalTime time) {
        Objects.requireNonNull(time, "time");
        int seconds = time.toSecondOfDay();
        if (time.getNano() != 0 || seconds % (DaySchedule.SLOT_MINUTES * 60) != 0) {
            throw new IllegalArgumentException(time + " is not on a half-hour boundary");
        }
        return seconds / (DaySchedule.SLOT_MINUTES * 60);
    }

    private static String describe(int slot) {
        String end = slot + 1 == DaySchedule.SLOTS ? "24:00" : DaySchedule.slotStart(slot + 1).toString();
        return DaySchedule.slotStart(slot) + "-" + end;
    }
}
