package io.pylon.ykc.message;

/** A frame body that does not fit its type's layout (too short, too long, a value out of range). */
public final class MalformedBodyException extends RuntimeException {
    public MalformedBodyException(String message) {
        super(message, null, false, false);
    }
}
