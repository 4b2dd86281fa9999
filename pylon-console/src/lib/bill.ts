// The band-by-band bill of an order or receipt, made uniform for display, with totals checked against the server's.

export interface BillRow {
  band: string;
  kwh: number;
  electricityPrice: number;
  servicePrice: number;
  electricity: number;
  service: number;
  amount: number;
}

type Amount = number | { amount?: number } | null | undefined;

const value = (a: Amount) => (a == null ? 0 : typeof a === 'number' ? a : a.amount ?? 0);
const cents = (x: number) => Math.round(x * 100) / 100;

export interface ApiLine {
  band?: string;
  energyWh?: number;
  electricityPrice?: number;
  servicePrice?: number;
  electricityAmount?: Amount;
  serviceAmount?: Amount;
}

export interface Breakdown {
  rows: BillRow[];
  kwh: number;
  electricity: number;
  service: number;
  energyCharge: number;
}

/** Rows in band order (sharp, peak, flat, valley), with sums; bands with no energy are left out. */
export function breakdown(lines: ApiLine[] | null | undefined): Breakdown {
  const order = ['SHARP', 'PEAK', 'FLAT', 'VALLEY'];
  const rows = (lines ?? [])
    .filter((l) => (l.energyWh ?? 0) > 0 || value(l.electricityAmount) + value(l.serviceAmount) > 0)
    .map((l) => {
      const electricity = value(l.electricityAmount);
      const service = value(l.serviceAmount);
      return {
        band: l.band ?? '?',
        kwh: (l.energyWh ?? 0) / 1000,
        electricityPrice: l.electricityPrice ?? 0,
        servicePrice: l.servicePrice ?? 0,
        electricity,
        service,
        amount: cents(electricity + service),
      };
    })
    .sort((a, b) => order.indexOf(a.band) - order.indexOf(b.band));
  const electricity = cents(rows.reduce((s, r) => s + r.electricity, 0));
  const service = cents(rows.reduce((s, r) => s + r.service, 0));
  return {
    rows,
    kwh: Math.round(rows.reduce((s, r) => s + r.kwh, 0) * 1000) / 1000,
    electricity,
    service,
    energyCharge: cents(electricity + service),
  };
}

/** True when the rows add up to the total the server billed, less idle and session fees and discounts. */
export function addsUp(b: Breakdown, total: Amount, extras: Amount[] = []): boolean {
  const expected = cents(value(total) - extras.reduce<number>((s, e) => s + value(e), 0));
  return Math.abs(b.energyCharge - expected) < 0.005;
}

/** How much more may be refunded on an order. */
export function refundable(payable: Amount, refunded: Amount): number {
  return Math.max(0, cents(value(payable) - value(refunded)));
}
