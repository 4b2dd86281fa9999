package io.pylon.ykc.message;

/**
 * A decoded YKC frame body. Each type is a record with its fields in the protocol's units made plain:
 * pile codes and serials as their digits, amounts and energies as decimals in yuan and kWh, times as local
 * date-times. {@link YkcMessages} turns bodies into records and back.
 */
public interface YkcMessage {

    /** The frame type byte. */
    int type();

    /** Writes the body in the layout of {@link #type()}. */
    void write(BodyWriter w);

    default byte[] body() {
        BodyWriter w = new BodyWriter();
        write(w);
        return w.toBytes();
    }
}
