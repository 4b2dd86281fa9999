package io.pylon.domain.reconciliation;

/**
 * The day's totals from each record, side by side (minor units, energy in Wh). Settled and refunded amounts compare
 * orders with the ledger; paid payments compare with top-ups of provider payments (operator-recorded cash and bank
 * top-ups exist only in the ledger and are shown apart); the rollup columns compare report_daily with the orders
 * billed for sessions that started that station-local day.
 */
public record Figures(long ordersSettled, long ordersSettledMinor, long ledgerSettledMinor, long ordersRefundedMinor,
                      long ledgerRefundedMinor, long paymentsPaidMinor, long ledgerPaymentTopUpsMinor,
                      long ledgerManualTopUpsMinor, long rollupSessions, long orderSessions, long rollupEnergyWh,
                      long orderEnergyWh, long rollupPayableMinor, long orderPayableMinor) {}
