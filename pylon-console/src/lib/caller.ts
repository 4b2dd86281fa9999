// Who is signed in, read from the staff token's claims ("sub", "roles", "op") to shape the screens: which scopes the
// rule form offers, whether the webhooks panel shows. The server decides what is allowed; this only avoids offering
// what it would refuse.
import { token } from '../api/client';

export interface Caller {
  username: string | null;
  role: string | null;
  operatorId: number | null;
  /** A platform admin: every operator, platform-wide rules. */
  platform: boolean;
  /** Station managers and agents see only their stations. */
  stationScoped: boolean;
  /** May write rules and webhooks (SAFETY_CONFIGURE). */
  configures: boolean;
  /** May acknowledge and clear alarms (ALARMS_HANDLE). */
  handles: boolean;
}

const STATION_SCOPED = ['STATION_MANAGER', 'AGENT'];
const CONFIGURES = ['PLATFORM_ADMIN', 'OPERATOR_ADMIN', 'STATION_MANAGER'];
const HANDLES = [...CONFIGURES, 'MAINTENANCE'];

/** The JSON claims of a JWT (no signature check: the server checks it on every call), or {} when unreadable. */
export function claims(jwt: string | null | undefined): Record<string, unknown> {
  const part = jwt?.split('.')[1];
  if (!part) return {};
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const parsed = JSON.parse(new TextDecoder().decode(bytes));
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export function callerOf(jwt: string | null | undefined): Caller {
  const c = claims(jwt);
  const roles = Array.isArray(c.roles) ? c.roles.map(String) : typeof c.roles === 'string' ? [c.roles] : [];
  const role = roles[0] ?? null;
  const op = c.op == null ? null : Number(c.op);
  return {
    username: typeof c.sub === 'string' ? c.sub : null,
    role,
    operatorId: op != null && Number.isFinite(op) ? op : null,
    platform: role === 'PLATFORM_ADMIN',
    stationScoped: role != null && STATION_SCOPED.includes(role),
    configures: role != null && CONFIGURES.includes(role),
    handles: role != null && HANDLES.includes(role),
  };
}

/** The signed-in staff member. */
export function currentCaller(): Caller {
  return callerOf(token('staff'));
}
