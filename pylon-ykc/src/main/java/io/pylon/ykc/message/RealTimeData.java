package io.pylon.ykc.message;

import java.math.BigDecimal;

/** 0x13 real-time data of one gun (idle every 5 min, charging every 15 s, on change, on 0x12 request). */
public final class RealTimeData {
    private RealTimeData() {}

    public static final int READ = 0x12;
    public static final int REPORT = 0x13;
    public static final int OFFLINE = 0;
    public static final int FAULT = 1;
    public static final int IDLE = 2;
    public static final int CHARGING = 3;

    /** 0x12: the platform asks for a report now. */
    public record Read(String pile, int gun) implements YkcMessage {
        static Read read(BodyReader r) {
            return new Read(r.bcd(7), r.bcdNumber(1));
        }

        @Override
        public int type() {
            return READ;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1);
        }
    }

    /**
     * @param status           0 offline, 1 fault, 2 idle, 3 charging
     * @param gunReturned      0 no, 1 yes, 2 unknown
     * @param plugged          whether the gun is in a vehicle
     * @param voltage          V, 1 decimal
     * @param current          A, 1 decimal
     * @param gunTemperature   °C (wire offset −50 removed)
     * @param cableCode        the gun cable's code, 16 hex digits
     * @param soc              %
     * @param batteryMaxTemperature °C (offset removed)
     * @param chargedMinutes   minutes charged so far
     * @param remainingMinutes minutes to full, as the pile estimates
     * @param energy           kWh so far, 4 decimals
     * @param lossEnergy       loss-corrected kWh, 4 decimals
     * @param amount           yuan so far, 4 decimals
     * @param faults           hardware fault bits
     */
    public record Report(String transaction, String pile, int gun, int status, int gunReturned, boolean plugged,
                         BigDecimal voltage, BigDecimal current, int gunTemperature, String cableCode, int soc,
                         int batteryMaxTemperature, int chargedMinutes, int remainingMinutes, BigDecimal energy,
                         BigDecimal lossEnergy, BigDecimal amount, int faults) implements YkcMessage {
        static Report read(BodyReader r) {
            return new Report(r.bcd(16), r.bcd(7), r.bcdNumber(1), r.u8(), r.u8(), r.u8() != 0, r.scaled(2, 1),
                    r.scaled(2, 1), r.u8() - 50, r.hex(8), r.u8(), r.u8() - 50, r.u16(), r.u16(), r.scaled(4, 4),
                    r.scaled(4, 4), r.scaled(4, 4), r.u16());
        }

        @Override
        public int type() {
            return REPORT;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(transaction, 16).bcd(pile, 7).bcdNumber(gun, 1).u8(status).u8(gunReturned).u8(plugged ? 1 : 0)
                    .scaled(voltage, 2, 1).scaled(current, 2, 1).u8(gunTemperature + 50).hex(cableCode, 8).u8(soc)
                    .u8(batteryMaxTemperature + 50).u16(chargedMinutes).u16(remainingMinutes).scaled(energy, 4, 4)
                    .scaled(lossEnergy, 4, 4).scaled(amount, 4, 4).u16(faults);
        }

        public boolean charging() {
            return status == CHARGING;
        }
    }
}
