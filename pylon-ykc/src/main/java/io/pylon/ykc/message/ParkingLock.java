package io.pylon.ykc.message;

/** Parking locks (地锁): 0x61 the pile reports a lock's state, 0x62 the platform raises or lowers it, 0x63 the answer. */
public final class ParkingLock {
    private ParkingLock() {}

    public static final int STATE = 0x61, COMMAND = 0x62, REPLY = 0x63;
    /** Lock positions as on the wire. */
    public static final int RAISED = 0x55, LOWERED = 0xFF, UNKNOWN = 0x00;

    /**
     * @param lock     0x55 raised, 0xFF lowered, 0 unknown
     * @param occupied a vehicle stands on the bay
     * @param battery  the lock's battery, %
     * @param alarm    alarm bits as the lock sends them
     */
    public record State(String pile, int gun, int lock, boolean occupied, int battery, int alarm) implements YkcMessage {
        static State read(BodyReader r) {
            return new State(r.bcd(7), r.bcdNumber(1), r.u8(), r.u8() == 1, r.u8(), r.u8());
        }

        @Override
        public int type() {
            return STATE;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).u8(lock).u8(occupied ? 1 : 0).u8(battery).u8(alarm);
        }
    }

    public record Command(String pile, int gun, boolean raise) implements YkcMessage {
        static Command read(BodyReader r) {
            String pile = r.bcd(7);
            int gun = r.bcdNumber(1);
            int action = r.u8();
            if (action != RAISED && action != LOWERED) throw new MalformedBodyException("lock action " + action);
            return new Command(pile, gun, action == RAISED);
        }

        @Override
        public int type() {
            return COMMAND;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).u8(raise ? RAISED : LOWERED);
        }
    }

    /** @param reason when failed: 1 a vehicle is on the bay, 2 lock fault, 3 other */
    public record Reply(String pile, int gun, boolean ok, int reason) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.bcdNumber(1), r.u8() == 1, r.u8());
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).u8(ok ? 1 : 0).u8(reason);
        }
    }
}
