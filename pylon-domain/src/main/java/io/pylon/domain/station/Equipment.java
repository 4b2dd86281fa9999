package io.pylon.domain.station;

import java.math.BigDecimal;

/**
 * What the operator says about a charger (pile), beside what it reports itself at boot.
 *
 * @param operatorId      owning operator (null = not yet assigned; only platform admins see it)
 * @param stationId       station it stands in (null = not placed yet)
 * @param productModel    the operator's name for the model (the boot data keeps the charger's own)
 * @param ratedPowerKw    rated power in kW, 2 decimals
 * @param offlineBilling  how sessions recorded while offline are billed: ONLINE_BILLING, OFFLINE_FREE or
 *                        OFFLINE_BILLING (YKC work parameter)
 */
public record Equipment(Long operatorId, Long stationId, String productModel, CurrentType currentType,
                        BigDecimal ratedPowerKw, String offlineBilling) {

    public static Equipment none() {
        return new Equipment(null, null, null, null, null, "ONLINE_BILLING");
    }
}
