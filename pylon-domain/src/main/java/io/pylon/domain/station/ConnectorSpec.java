package io.pylon.domain.station;

import java.math.BigDecimal;

/**
 * What a connector (gun) is, as the operator describes it.
 *
 * @param code        human-readable code unique on the platform, typed by a driver to start ("enter the code
 *                    to charge") and encoded in the connector's QR code
 * @param maxPowerKw  maximum power in kW (2 decimals), null if unknown
 */
public record ConnectorSpec(String chargerId, int connectorId, ConnectorStandard standard, BigDecimal maxPowerKw,
                            String code) {}
