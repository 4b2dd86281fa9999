// Typed REST client: paths and schemas are generated from openapi.json (npm run gen:api), never written by hand.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

export type Audience = 'staff' | 'driver';
const TOKEN_KEY: Record<Audience, string> = { staff: 'pylon.token', driver: 'pylon.driverToken' };

export function token(audience: Audience): string | null {
  return localStorage.getItem(TOKEN_KEY[audience]);
}

export function setToken(audience: Audience, value: string | null) {
  if (value) localStorage.setItem(TOKEN_KEY[audience], value);
  else localStorage.removeItem(TOKEN_KEY[audience]);
}

/** A problem+json answer (or a network failure) as an Error whose message is the problem's detail. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body?: unknown) {
    super(message);
  }
}

let onUnauthorized: (audience: Audience) => void = () => {};
export function whenUnauthorized(handler: (audience: Audience) => void) {
  onUnauthorized = handler;
}

function bearer(audience: Audience): Middleware {
  return {
    onRequest({ request }) {
      const t = token(audience);
      if (t) request.headers.set('Authorization', `Bearer ${t}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401 && token(audience)) {
        setToken(audience, null);
        onUnauthorized(audience);
      }
      return response;
    },
  };
}

function client(audience: Audience) {
  const c = createClient<paths>({ baseUrl: '' });
  c.use(bearer(audience));
  return c;
}

/** The staff console's client (operator users). */
export const api = client('staff');
/** The driver app's client (driver tokens reach /api/v1/me only). */
export const meApi = client('driver');

/** Unwraps an openapi-fetch result: the data, or throws ApiError with the server's problem detail. */
export async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (response.ok) return data as T;
  const problem = error as { detail?: string; title?: string } | undefined;
  throw new ApiError(response.status, problem?.detail || problem?.title || `HTTP ${response.status}`, error);
}
