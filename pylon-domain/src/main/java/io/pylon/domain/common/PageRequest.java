package io.pylon.domain.common;

/** Which page of a listing to read: zero-based, {@code size} between 1 and {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) throw new IllegalArgumentException("page must be >= 0");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
