package io.pylon.domain.metering;

import io.pylon.domain.tenant.TenantScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the registry of calibrated meters. */
public interface MeterRepository {

    /** The meter of a connector: its own, else the charger's single meter (connector 0). */
    Optional<Meter> forConnector(String chargerId, int connectorId);

    /** Registers a meter; empty if the connector has one already. */
    Optional<Meter> register(Meter meter);

    Optional<Meter> find(TenantScope scope, long id);

    List<Meter> list(TenantScope scope);

    /** Meters due for rotation on or before {@code day} that have not been reminded yet. */
    List<Meter> reminderDue(LocalDate day, int limit);

    void reminded(long meterId, java.time.Instant at);
}
