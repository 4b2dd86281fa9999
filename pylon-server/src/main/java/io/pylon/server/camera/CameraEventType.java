package io.pylon.server.camera;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a camera or edge-AI box can report, by its name on the wire ({@code plate_read}, {@code smoke}, …). */
public enum CameraEventType {
    /** A licence plate read at a bay or a gate: plate, plate colour and direction are required. */
    PLATE_READ,
    SMOKE,
    FIRE,
    /** A person in the watched area: kept and handed to the alarm rules, no alarm of its own. */
    PERSON,
    SMOKING,
    VANDALISM,
    CAMERA_OFFLINE,
    CAMERA_BLOCKED,
    /** The camera sees normally again: ends its offline and blocked alarms. */
    CAMERA_NORMAL;

    /** The wire names, for error messages and the API description. */
    static final String NAMES = Arrays.stream(values()).map(CameraEventType::wire).collect(Collectors.joining(", "));
    static final String PATTERN = Arrays.stream(values()).map(CameraEventType::wire).collect(Collectors.joining("|"));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CameraEventType parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("type: one of " + NAMES + ", not '" + text + "'");
        }
    }

    boolean hazard() {
        return this == SMOKE || this == FIRE || this == SMOKING || this == VANDALISM;
    }
}
