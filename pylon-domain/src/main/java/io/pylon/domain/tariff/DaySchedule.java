package io.pylon.domain.tariff;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One day of local wall-clock time split into {@link #SLOTS} half-hour slots, each priced at a
 * {@link Band}. Slot {@code i} covers {@code [i×30 min, (i+1)×30 min)} of the local day. Written as
 * ranges, e.g. {@code "00:00-07:00 VALLEY, 07:00-10:00 FLAT, 10:00-24:00 PEAK"}: ranges lie on half-hour
 * boundaries, must cover the whole day without overlap, and {@code 24:00} (or {@code 00:00} as an end)
 * means the end of the day. {@link #format()} writes that form and {@link #parse} reads it back.
 */
public record DaySchedule(List<Band> slots) {

    public static final int SLOTS = 48;
    static final int SLOT_MINUTES = 30;

    public DaySchedule {
        slots = List.copyOf(Objects.requireNonNull(slots, "slots"));
        if (slots.size() != SLOTS) {
            throw new IllegalArgumentException("A day has " + SLOTS + " half-hour slots, not " + slots.size());
        }
    }

    /** The same band all day. */
    public static DaySchedule uniform(Band band) {
        return new DaySchedule(java.util.Collections.nCopies(SLOTS, band));
    }

    public static DayScheduleBuilder builder() {
        return new DayScheduleBuilder();
    }

    /**
     * Reads comma-separated ranges {@code HH:mm-HH:mm BAND}; band names are case-insensitive. A range
     * whose end is before its start wraps past midnight (e.g. {@code 23:00-07:00 VALLEY}).
     */
    public static DaySchedule parse(String text) {
        DayScheduleBuilder builder = builder();
        for (String part : text.split(",")) {
            String range = part.strip();
            String[] fields = range.split("\\s+");
            String[] times = fields[0].split("-");
            if (fields.length != 2 || times.length != 2) {
                throw new IllegalArgumentException("Expected 'HH:mm-HH:mm BAND', got '" + range + "'");
            }
            Band band;
            try {
                band = Band.valueOf(fields[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown band in '" + range + "'");
            }
            builder.band(time(times[0], range), time(times[1], range), band);
        }
        return builder.build();
    }

    private static LocalTime time(String text, String range) {
        if ("24:00".equals(text)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Bad time '" + text + "' in '" + range + "'");
        }
    }

    /** The band in force at a local wall-clock time. */
    public Band bandAt(LocalTime time) {
        return slots.get(time.toSecondOfDay() / (SLOT_MINUTES * 60));
    }

    /** The start of every maximal range of one band, ascending; the first is always 00:00. */
    public List<LocalTime> boundaries() {
        List<LocalTime> starts = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            if (i == 0 || slots.get(i) != slots.get(i - 1)) {
                starts.add(slotStart(i));
            }
        }
        return List.copyOf(starts);
    }

    /** The bands that appear in this schedule. */
    public Set<Band> bandsUsed() {
        return EnumSet.copyOf(slots);
    }

    /** The ranges form, ends written 24:00 at midnight, never wrapping; {@link #parse} reads it back. */
    public String format() {
        List<LocalTime> starts = boundaries();
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < starts.size(); r++) {
            LocalTime from = starts.get(r);
            String to = r + 1 < starts.size() ? starts.get(r + 1).toString() : "24:00";
            text.append(r == 0 ? "" : ", ").append(from).append('-').append(to).append(' ').append(bandAt(from));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    static LocalTime slotStart(int slot) {
        return LocalTime.ofSecondOfDay((long) slot * SLOT_MINUTES * 60);
    }
}
