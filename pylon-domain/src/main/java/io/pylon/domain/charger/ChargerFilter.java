package io.pylon.domain.charger;

import io.pylon.domain.tenant.TenantScope;

/** Listing filter: always scoped to what the caller may see; other null fields do not filter. */
public record ChargerFilter(TenantScope scope, Long stationId, RegistrationStatus registration, Boolean online,
                            ConnectorStatus connectorStatus) {}
