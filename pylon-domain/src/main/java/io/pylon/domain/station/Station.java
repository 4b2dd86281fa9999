package io.pylon.domain.station;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A charging station (充电站): a place with chargers, owned by one operator. Its time zone decides which
 * tariff band a kWh falls in.
 *
 * @param latitude  WGS-84 degrees, −90..90, 6 decimals
 * @param longitude WGS-84 degrees, −180..180, 6 decimals
 * @param openingHours free text such as "00:00-24:00" or "Mo-Fr 07:00-22:00"
 * @param photos    image URLs
 * @param amenities e.g. toilet, shop, lounge, car wash
 * @param tariffId  the tariff its chargers bill with (null = none yet)
 */
public record Station(long id, long operatorId, Long ownerOrgId, Long agentOrgId, String name, String address,
                      BigDecimal latitude, BigDecimal longitude, ZoneId timeZone, String openingHours,
                      String parkingInfo, List<String> photos, List<String> amenities, StationStatus status,
                      Long tariffId, Instant createdAt, Instant updatedAt) {

    public Station {
        photos = photos == null ? List.of() : List.copyOf(photos);
        amenities = amenities == null ? List.of() : List.copyOf(amenities);
    }
}
