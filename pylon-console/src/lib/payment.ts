// The driver's top-up hand-off: what the provider needs (the server's clientParameters, given only when the payment
// is created) is kept for the hand-off page, and the page's state follows the payment's status.
import type { Schemas } from '../api/client';

export type Payment = Schemas['MyPaymentView'];
export type HandOffState = 'waiting' | 'paid' | 'failed';

const KEY = (id: number) => `pylon.payment.${id}`;

/** Keeps what the provider needs for the hand-off page (session storage: gone with the tab). */
export function rememberClientParameters(id: number, parameters: Record<string, string> | undefined) {
  sessionStorage.setItem(KEY(id), JSON.stringify(parameters ?? {}));
}

export function clientParameters(id: number): Record<string, string> {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(KEY(id)) ?? '{}');
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/** The provider's pay page, only when it is an http(s) URL (never a javascript: or data: link). */
export function payUrl(parameters: Record<string, string>): string | null {
  const url = parameters.payUrl;
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** PAID is final; FAILED can still become PAID (a late success), so the page keeps listening while it shows it. */
export function handOffState(payment: Pick<Payment, 'status'> | null | undefined): HandOffState {
  if (payment?.status === 'PAID') return 'paid';
  if (payment?.status === 'FAILED') return 'failed';
  return 'waiting';
}
