package io.pylon.server.api;

import io.pylon.domain.charger.BootInfo;
import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ConnectorState;
import io.pylon.domain.charger.RegistrationStatus;
import io.pylon.domain.station.ConnectorSpec;
import io.pylon.domain.station.Equipment;
import java.time.Instant;
import java.util.List;

/** How chargers look in the API (never the password hash). */
final class ChargerViews {
    private ChargerViews() {}

    record ChargerSummary(String id, RegistrationStatus registration, boolean online, Instant lastSeen, String vendor,
                          String model, String firmwareVersion, String description, Long operatorId, Long stationId) {
        static ChargerSummary of(Charger c) {
            return new ChargerSummary(c.id(), c.registration(), c.online(), c.lastSeen(),
                    c.boot() == null ? null : c.boot().vendor(), c.boot() == null ? null : c.boot().model(),
                    c.boot() == null ? null : c.boot().firmwareVersion(), c.description(), c.operatorId(), c.stationId());
        }
    }

    record ChargerDetail(String id, RegistrationStatus registration, boolean online, boolean connected, Instant lastSeen,
                         Instant lastBootAt, BootInfo boot, int securityProfile, boolean hasPassword,
                         String firmwareStatus, String diagnosticsStatus, int localListVersion, String description,
                         Instant createdAt, Equipment equipment, List<ConnectorState> connectors,
                         List<ConnectorSpec> connectorSpecs) {
        static ChargerDetail of(Charger c, Equipment equipment, List<ConnectorState> connectors, List<ConnectorSpec> specs,
                                boolean connected) {
            return new ChargerDetail(c.id(), c.registration(), connected, connected, c.lastSeen(), c.lastBootAt(), c.boot(),
                    c.securityProfile(), c.passwordHash() != null, c.firmwareStatus(), c.diagnosticsStatus(),
                    c.localListVersion(), c.description(), c.createdAt(), equipment, connectors, specs);
        }
    }
}
