package io.pylon.domain.parking;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which vehicles may use a station's charging bays: plates of the {@code evColours} (by default GREEN and YELLOW_GREEN,
 * China's NEV plates), plus single plates the operator allows whatever their colour (a plug-in hybrid on a blue plate,
 * the operator's own service van). Anything else in a charging bay is a non-EV (油车占位).
 */
public record PlateRule(Set<PlateColour> evColours, Set<String> allowedPlates) {

    public static final PlateRule CHINA_NEV = new PlateRule(EnumSet.of(PlateColour.GREEN, PlateColour.YELLOW_GREEN), Set.of());

    public PlateRule {
        evColours = evColours == null || evColours.isEmpty() ? Set.of() : Set.copyOf(evColours);
        allowedPlates = allowedPlates == null ? Set.of() : allowedPlates.stream().map(Plates::normalise)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether the vehicle counts as electric; an unknown colour counts only when the plate is allowed by name. */
    public boolean isEv(String plate, PlateColour colour) {
        return colour != null && evColours.contains(colour) || plate != null && allowedPlates.contains(plate);
    }
}
