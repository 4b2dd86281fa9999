package io.pylon.ykc.message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 0x3B: the pile's record of a finished session (within 30 s of the end, or after reconnecting for sessions
 * recorded offline); 0x40: the platform's confirmation. Unconfirmed records are re-sent (every 30 s, 3 times).
 */
public final class TransactionRecord {
    private TransactionRecord() {}

    public static final int RECORD = 0x3B;
    public static final int CONFIRMATION = 0x40;
    /** Values of {@link Record#kind()}. */
    public static final int APP = 1, CARD = 2, OFFLINE_CARD = 4, VIN = 5;

    /** One band's part: unit price yuan/kWh (5 decimals), energy and loss energy kWh (4), amount yuan (4). */
    public record BandUsage(BigDecimal unitPrice, BigDecimal energy, BigDecimal lossEnergy, BigDecimal amount) {
        static BandUsage read(BodyReader r) {
            return new BandUsage(r.scaled(4, 5), r.scaled(4, 4), r.scaled(4, 4), r.scaled(4, 4));
        }

        void write(BodyWriter w) {
            w.scaled(unitPrice, 4, 5).scaled(energy, 4, 4).scaled(lossEnergy, 4, 4).scaled(amount, 4, 4);
        }
    }

    /**
     * @param bands       sharp, peak, flat, valley
     * @param meterStart  kWh register at start, 4 decimals; {@code meterStop} likewise
     * @param totalEnergy kWh, 4 decimals; {@code totalAmount} yuan, 4 decimals
     * @param kind        1 app, 2 card, 4 offline card, 5 VIN
     * @param stopReason  0x40..0x90 (0x40 = normal stop by the platform/app)
     * @param physicalCard 16 hex digits, zeros when none
     */
    public record Record(String transaction, String pile, int gun, LocalDateTime start, LocalDateTime end,
                         List<BandUsage> bands, BigDecimal meterStart, BigDecimal meterStop, BigDecimal totalEnergy,
                         BigDecimal totalLossEnergy, BigDecimal totalAmount, String vin, int kind,
                         LocalDateTime recordedAt, int stopReason, String physicalCard) implements YkcMessage {
        public Record {
            bands = List.copyOf(bands);
            if (bands.size() != 4) throw new IllegalArgumentException("four bands, not " + bands.size());
        }

        static Record read(BodyReader r) {
            String txn = r.bcd(16);
            String pile = r.bcd(7);
            int gun = r.bcdNumber(1);
            LocalDateTime start = r.time();
            LocalDateTime end = r.time();
            List<BandUsage> bands = List.of(BandUsage.read(r), BandUsage.read(r), BandUsage.read(r), BandUsage.read(r));
            return new Record(txn, pile, gun, start, end, bands, r.scaled(5, 4), r.scaled(5, 4), r.scaled(4, 4),
                    r.scaled(4, 4), r.scaled(4, 4), r.ascii(17), r.u8(), r.time(), r.u8(), r.hex(8));
        }

        @Override
        public int type() {
            return RECORD;
        }

        /** Times are written with the day of week, as piles send them. */
        @Override
        public void write(BodyWriter w) {
            w.bcd(transaction, 16).bcd(pile, 7).bcdNumber(gun, 1).timeWithWeekday(start).timeWithWeekday(end);
            bands.forEach(b -> b.write(w));
            w.scaled(meterStart, 5, 4).scaled(meterStop, 5, 4).scaled(totalEnergy, 4, 4).scaled(totalLossEnergy, 4, 4)
                    .scaled(totalAmount, 4, 4).ascii(vin, 17).u8(kind).timeWithWeekday(recordedAt).u8(stopReason)
                    .hex(physicalCard, 8);
        }
    }

    /** @param accepted 0 = the record is taken, 1 = invalid (the pile stops re-sending either way) */
    public record Confirmation(String transaction, boolean accepted) implements YkcMessage {
        static Confirmation read(BodyReader r) {
            return new Confirmation(r.bcd(16), r.u8() == 0);
        }

        @Override
        public int type() {
            return CONFIRMATION;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(transaction, 16).u8(accepted ? 0 : 1);
        }
    }
}
