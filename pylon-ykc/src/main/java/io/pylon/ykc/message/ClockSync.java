package io.pylon.ykc.message;

import java.time.LocalDateTime;

/** 0x56: the platform sets the pile's clock (local time); 0x55: the pile answers with the same body. */
public record ClockSync(int type, String pile, LocalDateTime time) implements YkcMessage {

    public static final int SET = 0x56;
    public static final int REPLY = 0x55;

    public ClockSync {
        if (type != SET && type != REPLY) throw new IllegalArgumentException("type " + type);
    }

    public static ClockSync set(String pile, LocalDateTime time) {
        return new ClockSync(SET, pile, time);
    }

    static ClockSync read(int type, BodyReader r) {
        return new ClockSync(type, r.bcd(7), r.time());
    }

    @Override
    public void write(BodyWriter w) {
        w.bcd(pile, 7).time(time);
    }
}
