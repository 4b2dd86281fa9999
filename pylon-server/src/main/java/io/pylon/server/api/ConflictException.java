package io.pylon.server.api;

/** The request clashes with what exists (an id already taken). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
