package io.pylon.domain.tariff;

/**
 * Time-of-use price band (分时电价时段). Declaration order is the order bill lines are listed in and the
 * tie-break order when fractional energy is distributed.
 */
public enum Band {
    /** 尖 (jiān): sharp peak, the highest price. */
    SHARP,
    /** 峰 (fēng): peak. */
    PEAK,
    /** 平 (píng): flat, the shoulder price. */
    FLAT,
    /** 谷 (gǔ): valley, the night price. */
    VALLEY
}
