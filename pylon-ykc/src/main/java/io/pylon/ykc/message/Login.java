package io.pylon.ykc.message;

/** 0x01 login and its 0x02 reply: the first frame of every connection. */
public final class Login {
    private Login() {}

    public static final int REQUEST = 0x01;
    public static final int REPLY = 0x02;
    public static final int V15 = 0x0F;
    public static final int V16 = 0x10;

    /**
     * @param pileType        0 DC, 1 AC
     * @param protocolVersion ×10: 0x0F = V1.5, 0x10 = V1.6
     * @param network         0 SIM, 1 LAN, 2 WAN, 3 other
     * @param iccid           SIM ICCID as 20 hex digits (some SIMs carry non-decimal digits)
     * @param carrier         0 China Mobile, 2 China Telecom, 3 China Unicom, 4 other
     */
    public record Request(String pile, int pileType, int guns, int protocolVersion, String softwareVersion,
                          int network, String iccid, int carrier) implements YkcMessage {
        static Request read(BodyReader r) {
            return new Request(r.bcd(7), r.u8(), r.u8(), r.u8(), r.ascii(8), r.u8(), r.bcd(10), r.u8());
        }

        @Override
        public int type() {
            return REQUEST;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(pileType).u8(guns).u8(protocolVersion).ascii(softwareVersion, 8).u8(network)
                    .bcd(iccid, 10).u8(carrier);
        }
    }

    /** @param accepted written 0 when accepted, 1 when rejected */
    public record Reply(String pile, boolean accepted) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.u8() == 0);
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(accepted ? 0 : 1);
        }
    }
}
