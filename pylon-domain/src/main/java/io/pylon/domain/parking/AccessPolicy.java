package io.pylon.domain.parking;

import java.util.Set;

/**
 * Who a parking lock lowers for and who a barrier gate opens for.
 * <ul>
 *   <li>A bay's lock stays raised until a verified EV arrives: when the connector is reserved, only a vehicle of the
 *       reserving driver (its plate registered to that driver); otherwise a plate the station's {@link PlateRule}
 *       counts as electric. The lock rises again once the bay is empty.</li>
 *   <li>An entry gate configured NEV-only opens only for EV plates; any other entry gate opens for every plate;
 *       exits always open (nobody is kept in).</li>
 * </ul>
 */
public final class AccessPolicy {

    private AccessPolicy() {}

    /** Whether to act and why, in words for the bay's history and the device command. */
    public record Decision(boolean allow, String reason) {}

    /**
     * @param reservedFor plates of the driver holding an active reservation of the bay's connector; null when the
     *                    connector is not reserved
     */
    public static Decision lock(String plate, PlateColour colour, PlateRule rule, Set<String> reservedFor) {
        if (reservedFor != null) {
            return plate != null && reservedFor.contains(plate)
                    ? new Decision(true, "reservation of this vehicle's driver")
                    : new Decision(false, "connector reserved for another driver");
        }
        return rule.isEv(plate, colour) ? new Decision(true, "EV plate (" + colour + ")")
                : new Decision(false, "not an EV plate (" + colour + ")");
    }

    public static Decision gate(Direction direction, String plate, PlateColour colour, PlateRule rule, boolean nevOnly) {
        if (direction == Direction.OUT) return new Decision(true, "exit");
        if (!nevOnly) return new Decision(true, "entry");
        return rule.isEv(plate, colour) ? new Decision(true, "NEV plate (" + colour + ")")
                : new Decision(false, "only NEV plates may enter, not " + colour);
    }
}
