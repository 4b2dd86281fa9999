import { beforeEach, describe, expect, it } from 'vitest';
import { clientParameters, handOffState, payUrl, rememberClientParameters } from './payment';

describe('payment hand-off', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the provider parameters of a new payment for its hand-off page', () => {
    rememberClientParameters(7, { provider: 'hmac', merchantOrderId: 'pylon-7', payUrl: 'https://pay.test/c?o=pylon-7' });
    expect(clientParameters(7).merchantOrderId).toBe('pylon-7');
    expect(clientParameters(8)).toEqual({});
  });

  it('links only to http(s) pay pages', () => {
    expect(payUrl({ payUrl: 'https://pay.test/c?o=1' })).toBe('https://pay.test/c?o=1');
    expect(payUrl({ payUrl: 'javascript:alert(1)' })).toBeNull();
    expect(payUrl({ payUrl: 'not a url' })).toBeNull();
    expect(payUrl({})).toBeNull();
  });

  it('follows the payment status', () => {
    expect(handOffState({ status: 'CREATED' })).toBe('waiting');
    expect(handOffState(null)).toBe('waiting');
    expect(handOffState({ status: 'PAID' })).toBe('paid');
    expect(handOffState({ status: 'FAILED' })).toBe('failed');
  });
});
