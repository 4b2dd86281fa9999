// Display helpers shared by the screens. Energy arrives in Wh integers, money as decimals with a currency.

export function kwh(wh: number | null | undefined, digits = 2): string {
  if (wh == null) return '-';
  return (wh / 1000).toFixed(digits);
}

export function money(amount: number | string | null | undefined, currency?: string | null): string {
  if (amount == null || amount === '') return '-';
  const n = typeof amount === 'string' ? Number(amount) : amount;
  const text = n.toFixed(2);
  return currency ? `${text} ${currency}` : text;
}

/** A Money object of the API ({amount, currency}) or a plain number. */
export function moneyOf(m: { amount?: number } | number | null | undefined, currency?: string | null): string {
  if (m == null) return '-';
  return typeof m === 'number' ? money(m, currency) : money(m.amount, currency);
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function duration(seconds: number | null | undefined): string {
  if (seconds == null) return '-';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6371;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/** Status colours shared by lists, maps and the big-screen. */
export const STATUS_COLOURS: Record<string, string> = {
  AVAILABLE: '#22c55e',
  PREPARING: '#38bdf8',
  CHARGING: '#3b82f6',
  SUSPENDED_EV: '#a78bfa',
  SUSPENDED_EVSE: '#a78bfa',
  FINISHING: '#60a5fa',
  RESERVED: '#f59e0b',
  UNAVAILABLE: '#9ca3af',
  FAULTED: '#ef4444',
  OFFLINE: '#6b7280',
};
