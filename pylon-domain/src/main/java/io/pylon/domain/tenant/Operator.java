package io.pylon.domain.tenant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/**
 * A charge point operator (运营商): the tenant that owns stations, chargers, drivers and money. Its
 * currency prices every tariff and wallet it has; its time zone is the default for new stations.
 */
public record Operator(long id, String code, String name, Currency currency, ZoneId timeZone, String contact,
                       OperatorStatus status, Instant createdAt) {}
