package io.pylon.ykc.message;

import java.util.Arrays;

/** A frame of a type this codec does not know; kept so that it can be logged and skipped. */
public record Unknown(int type, byte[] data) implements YkcMessage {
    public Unknown {
        data = data.clone();
    }

    @Override
    public void write(BodyWriter w) {
        w.bytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unknown u && u.type == type && Arrays.equals(u.data, data);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(data);
    }
}
