package io.pylon.domain.order;

import io.pylon.domain.billing.OfflineBillingMode;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.Tariff;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/**
 * Everything needed to bill a session at its station: the station's time zone and tariff, the operator's
 * currency and holiday calendar, and the charger's offline billing mode.
 *
 * @param tariff empty when the station has no tariff (the order becomes ABNORMAL)
 */
public record BillingContext(ZoneId zone, Currency currency, Optional<Tariff> tariff, HolidayCalendar calendar,
                             OfflineBillingMode offlineMode) {

    /** Port: finds the context of a session (by its charger, station and operator). */
    public interface Source {
        BillingContext of(String chargerId, Long stationId, Long operatorId);
    }
}
