package io.pylon.ykc.message;

/** 0x52: enable or lock the pile and cap its output; 0x51: the pile's answer. */
public final class WorkParameters {
    private WorkParameters() {}

    public static final int SET = 0x52;
    public static final int REPLY = 0x51;
    public static final int MIN_POWER_PERCENT = 30;

    /** @param enabled written 0 = enabled, 1 = locked; @param maxPowerPercent 30..100 */
    public record Set(String pile, boolean enabled, int maxPowerPercent) implements YkcMessage {
        public Set {
            if (maxPowerPercent < MIN_POWER_PERCENT || maxPowerPercent > 100) {
                throw new IllegalArgumentException("max power must be 30..100 %, not " + maxPowerPercent);
            }
        }

        static Set read(BodyReader r) {
            String pile = r.bcd(7);
            boolean enabled = r.u8() == 0;
            int percent = r.u8();
            if (percent < MIN_POWER_PERCENT || percent > 100) throw new MalformedBodyException("max power " + percent + " %");
            return new Set(pile, enabled, percent);
        }

        @Override
        public int type() {
            return SET;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(enabled ? 0 : 1).u8(maxPowerPercent);
        }
    }

    public record Reply(String pile, boolean ok) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.u8() == 1);
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(ok ? 1 : 0);
        }
    }
}
