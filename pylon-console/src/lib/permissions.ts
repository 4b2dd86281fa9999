// What a role may use in the console, decided by the permissions the server names for the signed-in user
// (GET /api/v1/auth/whoami, from the role's permission set — ADR 0004). Pure functions: the menu, the route guard
// and the action buttons all ask here. The server still checks every call; this only avoids offering what it refuses.

/** The permission each console page needs: the one its list or main endpoint asks for. */
export const PAGE_PERMISSION: Record<string, string> = {
  dashboard: 'CHARGERS_READ',
  stations: 'STATIONS_READ',
  chargers: 'CHARGERS_READ',
  sessions: 'SESSIONS_READ',
  orders: 'ORDERS_READ',
  tariffs: 'TARIFFS_READ',
  drivers: 'DRIVERS_READ',
  cards: 'DRIVERS_READ',
  coupons: 'MARKETING_READ',
  reports: 'REPORTS_READ',
  alarms: 'ALARMS_READ',
  alarmRules: 'ALARMS_READ',
  alarmNotifications: 'ALARMS_READ',
  cameras: 'ALARMS_READ',
  bays: 'ALARMS_READ',
  thermal: 'ALARMS_READ',
  sensors: 'ALARMS_READ',
  users: 'USERS_MANAGE',
  audit: 'AUDIT_READ',
};

/** Route names whose page needs more than reading: the form that creates or changes. */
export const ROUTE_PERMISSION: Record<string, string> = {
  'station-new': 'STATIONS_WRITE',
  'tariff-new': 'TARIFFS_WRITE',
};

/**
 * The permissions known for the user: a set, or null while unknown (not loaded, or the server did not answer).
 * Unknown allows everything: the console then behaves as before and the server's 403 answers still hold.
 */
export type Permissions = ReadonlySet<string> | null;

export function can(permissions: Permissions, needed: string | undefined | null): boolean {
  return !needed || permissions == null || permissions.has(needed);
}

/** The menu entries (keys of PAGE_PERMISSION) the user may open, in the order given. */
export function visibleMenu(items: readonly string[], permissions: Permissions): string[] {
  return items.filter((item) => can(permissions, PAGE_PERMISSION[item]));
}

/** What a route needs: its own permission, else the permission of the page (menu entry) it belongs to. */
export function routePermission(routeName: string | null | undefined, path: string): string | undefined {
  if (routeName && ROUTE_PERMISSION[routeName]) return ROUTE_PERMISSION[routeName];
  const first = path.split('/').filter(Boolean)[0] ?? '';
  if (first === '') return PAGE_PERMISSION.dashboard;
  const camel = first.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return PAGE_PERMISSION[camel];
}
