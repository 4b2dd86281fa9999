package io.pylon.ykc.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * IEC 60870-5 CP56Time2a, the 7-byte timestamp of YKC: milliseconds of the minute (LE uint16), minute
 * (bits 0-5), hour (bits 0-4), day of month (bits 0-4) with day of week (bits 5-7, 1 = Monday, 0 = unused),
 * month (bits 0-3), year − 2000 (bits 0-6). Piles keep local (China Standard) time, so this is a
 * {@link LocalDateTime}; the caller applies the zone. Flag bits (invalid, summer time) are ignored on input
 * and written as zero.
 */
public final class Cp56Time2a {

    public static final int BYTES = 7;

    private Cp56Time2a() {}

    static LocalDateTime read(BodyReader r) {
        int millis = r.u16();
        int minute = r.u8() & 0x3F;
        int hour = r.u8() & 0x1F;
        int day = r.u8() & 0x1F;
        int month = r.u8() & 0x0F;
        int year = 2000 + (r.u8() & 0x7F);
        try {
            return LocalDateTime.of(year, month, day, hour, minute, millis / 1000, (millis % 1000) * 1_000_000);
        } catch (DateTimeException e) {
            throw new MalformedBodyException("CP56Time2a: " + e.getMessage());
        }
    }

    /** @param weekday whether to fill bits 5-7 of the day byte with the ISO day of week (some piles do) */
    static void write(BodyWriter w, LocalDateTime time, boolean weekday) {
        if (time.getYear() < 2000 || time.getYear() > 2127) {
            throw new IllegalArgumentException("CP56Time2a covers 2000-2127, not " + time.getYear());
        }
        w.u16(time.getSecond() * 1000 + time.getNano() / 1_000_000);
        w.u8(time.getMinute());
        w.u8(time.getHour());
        w.u8(time.getDayOfMonth() | (weekday ? time.getDayOfWeek().getValue() << 5 : 0));
        w.u8(time.getMonthValue());
        w.u8(time.getYear() - 2000);
    }
}
