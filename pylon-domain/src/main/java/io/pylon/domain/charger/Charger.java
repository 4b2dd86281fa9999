package io.pylon.domain.charger;

import java.time.Instant;

/**
 * A charger (pile) as the platform knows it.
 *
 * @param securityProfile 0 = none, 1 = HTTP Basic, 2 = Basic over TLS; a charger never connects with less
 * @param passwordHash    hash of its Basic-auth password (null when none is set)
 * @param operatorId      owning operator (null = not yet assigned)
 * @param stationId       station it stands in (null = not placed)
 */
public record Charger(String id, RegistrationStatus registration, BootInfo boot, int securityProfile,
                      String passwordHash, boolean online, Instant lastSeen, Instant lastBootAt,
                      String firmwareStatus, String diagnosticsStatus, int localListVersion,
                      String description, Instant createdAt, Long operatorId, Long stationId) {

    public Charger withRegistration(RegistrationStatus status) {
        return new Charger(id, status, boot, securityProfile, passwordHash, online, lastSeen, lastBootAt,
                firmwareStatus, diagnosticsStatus, localListVersion, description, createdAt, operatorId, stationId);
    }
}
