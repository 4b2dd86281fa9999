package io.pylon.domain.order;

/**
 * Lifecycle of a charging order (充电订单):
 * <pre>
 *   CHARGING ──stop──▶ FINISHED ──paid from wallet──▶ SETTLED ──refund──▶ REFUNDED (fully) 
 *       │                  │
 *       └────── billing impossible (no tariff, bad meter data) ──▶ ABNORMAL
 * </pre>
 * A settled order partly refunded stays SETTLED with its refunded amount; fully refunded it is REFUNDED.
 */
public enum OrderState { CHARGING, FINISHED, SETTLED, REFUNDED, ABNORMAL }
