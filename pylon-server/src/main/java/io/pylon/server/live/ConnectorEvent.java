package io.pylon.server.live;

import java.time.Instant;

/** Pushed when a connector reports a status: what the console's lists, maps and the big-screen recolour. */
public record ConnectorEvent(String chargerId, int connectorId, String status, String errorCode, String info, Instant at,
                             Long operatorId, Long stationId) {}
