package io.pylon.server.support;

import io.pylon.ykc.message.RealTimeData;
import io.pylon.ykc.message.StartRequest;
import io.pylon.ykc.message.TransactionRecord;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

/** Pile frames for tests, with the fields that matter named and the rest plausible. */
public final class YkcFrames {

    private YkcFrames() {}

    /** A pile code nobody else uses in this JVM (14 digits). */
    public static String newPile() {
        return "88" + String.format("%012d", Math.floorMod(System.nanoTime(), 1_000_000_000_000L));
    }

    /** A card's hex id tag nobody else uses (the physical card number without leading zero bytes). */
    public static String newCard() {
        return String.format("C%011X", Math.floorMod(System.nanoTime(), 1L << 40));
    }

    public static String newPhone(String prefix) {
        return prefix + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    public static StartRequest.Request cardStart(String pile, int gun, String card) {
        return new StartRequest.Request(pile, gun, StartRequest.CARD, false, "0".repeat(16 - card.length()) + card,
                "0".repeat(32), "");
    }

    public static RealTimeData.Report report(String serial, String pile, int gun, int status, String kwh, String amount) {
        return new RealTimeData.Report(serial, pile, gun, status, 0, status != RealTimeData.IDLE, new BigDecimal("380.0"),
                new BigDecimal("50.0"), 30, "0".repeat(16), 50, 30, 10, 20, new BigDecimal(kwh), new BigDecimal(kwh),
                new BigDecimal(amount), 0);
    }

    /** A record with all energy in the flat band. */
    public static TransactionRecord.Record record(String serial, String pile, int gun, LocalDateTime start, LocalDateTime end,
                                                  String kwh, String amount, int kind, String card) {
        var none = new TransactionRecord.BandUsage(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        var flat = new TransactionRecord.BandUsage(new BigDecimal("1.0"), new BigDecimal(kwh), new BigDecimal(kwh), new BigDecimal(amount));
        return new TransactionRecord.Record(serial, pile, gun, start, end, List.of(none, none, flat, none), BigDecimal.ZERO,
                new BigDecimal(kwh), new BigDecimal(kwh), new BigDecimal(kwh), new BigDecimal(amount), "", kind, end, 0x40,
                "0".repeat(16 - card.length()) + card);
    }

    public static List<Integer> flatSlots() {
        return Collections.nCopies(48, 2);
    }
}
