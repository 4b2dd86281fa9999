package io.pylon.ykc.message;

/** 0x05 billing-model check (the pile names the model it holds, 0 on first connect) and its 0x06 reply. */
public final class BillingModelCheck {
    private BillingModelCheck() {}

    public static final int REQUEST = 0x05;
    public static final int REPLY = 0x06;

    public record Request(String pile, int model) implements YkcMessage {
        static Request read(BodyReader r) {
            return new Request(r.bcd(7), r.bcdNumber(2));
        }

        @Override
        public int type() {
            return REQUEST;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(model, 2);
        }
    }

    /** @param same true (0) = the pile's model is current; false (1) = it must request the new one (0x09) */
    public record Reply(String pile, int model, boolean same) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.bcdNumber(2), r.u8() == 0);
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(model, 2).u8(same ? 0 : 1);
        }
    }
}
