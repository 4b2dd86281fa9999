package io.pylon.domain.metering;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * A calibrated energy meter (计量表) in a charger, with the public key its signatures verify against and its
 * verification lifecycle: verified first on {@code firstVerifiedOn}, due for rotation (re-verification or
 * replacement) on {@code rotationDueOn}, 5 to 8 years later as the metrology rules of the region set.
 *
 * @param connectorId 0 = the charger's only meter, serving every connector
 * @param publicKeyHex X.509 SubjectPublicKeyInfo, DER, hex
 */
public record Meter(long id, long operatorId, String chargerId, int connectorId, String serial, String publicKeyHex,
                    LocalDate firstVerifiedOn, LocalDate rotationDueOn) {

    public static final Period SHORTEST_ROTATION = Period.ofYears(5);
    public static final Period LONGEST_ROTATION = Period.ofYears(8);

    public Meter {
        Objects.requireNonNull(chargerId, "chargerId");
        Objects.requireNonNull(firstVerifiedOn, "firstVerifiedOn");
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("serial: required");
        }
        if (connectorId < 0) {
            throw new IllegalArgumentException("connectorId: 0 or more");
        }
        if (rotationDueOn == null) {
            rotationDueOn = firstVerifiedOn.plus(LONGEST_ROTATION);
        }
        if (rotationDueOn.isBefore(firstVerifiedOn.plus(SHORTEST_ROTATION))
                || rotationDueOn.isAfter(firstVerifiedOn.plus(LONGEST_ROTATION))) {
            throw new IllegalArgumentException("rotationDueOn: 5 to 8 years after firstVerifiedOn");
        }
    }

    public byte[] publicKey() {
        return publicKeyHex == null ? null : java.util.HexFormat.of().parseHex(publicKeyHex.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a reminder is due on {@code today}: rotation within {@code notice} days, or overdue. */
    public boolean rotationReminderDue(LocalDate today, int noticeDays) {
        return !today.plusDays(noticeDays).isBefore(rotationDueOn);
    }
}
