package io.pylon.domain.thermal;

/** A rectangle of a camera's frame in pixels: {@code x, y} its top-left corner, right and down from the frame's. */
public record Area(int x, int y, int width, int height) {

    public Area {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("area: x and y must be ≥ 0, width and height ≥ 1 (got " + this0(x, y, width, height) + ")");
        }
    }

    /** Whether this rectangle lies entirely inside {@code outer}. */
    public boolean within(Area outer) {
        return x >= outer.x && y >= outer.y && x + width <= outer.x + outer.width && y + height <= outer.y + outer.height;
    }

    /** Whether this rectangle lies inside a frame of that size. */
    public boolean fits(int frameWidth, int frameHeight) {
        return x + width <= frameWidth && y + height <= frameHeight;
    }

    public int pixels() {
        return width * height;
    }

    @Override
    public String toString() {
        return this0(x, y, width, height);
    }

    private static String this0(int x, int y, int width, int height) {
        return width + "×" + height + " at (" + x + "," + y + ")";
    }
}
