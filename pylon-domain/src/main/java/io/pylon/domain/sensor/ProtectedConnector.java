package io.pylon.domain.sensor;

import java.util.Objects;

/** A charger (connector 0) or one of its connectors that a sensor protects: cut when the sensor detects water or smoke. */
public record ProtectedConnector(String chargerId, int connectorId) {

    public ProtectedConnector {
        Objects.requireNonNull(chargerId, "chargerId");
        if (connectorId < 0) throw new IllegalArgumentException("connectorId must be >= 0");
    }

    @Override
    public String toString() {
        return connectorId == 0 ? chargerId : chargerId + "#" + connectorId;
    }
}
