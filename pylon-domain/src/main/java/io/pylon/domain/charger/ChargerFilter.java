package io.pylon.domain.charger;

/** Listing filter; null fields do not filter. */
public record ChargerFilter(RegistrationStatus registration, Boolean online, ConnectorStatus connectorStatus) {}
