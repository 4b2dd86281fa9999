package io.pylon.domain.tenant;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An agent (distributor, 代理商) or station owner (场站业主) linked to an operator. Stations name their
 * owner and agent; people of an organisation see those stations only.
 *
 * @param revenueSharePct share of the service revenue of its stations, 0–100, for reports
 */
public record Organisation(long id, long operatorId, Kind kind, String name, String contact, BigDecimal revenueSharePct,
                           Instant createdAt) {

    public enum Kind { AGENT, STATION_OWNER }
}
