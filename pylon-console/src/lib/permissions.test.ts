import { describe, expect, it } from 'vitest';
import { can, PAGE_PERMISSION, routePermission, visibleMenu } from './permissions';

const MENU = ['dashboard', 'stations', 'chargers', 'sessions', 'orders', 'tariffs', 'drivers', 'cards', 'coupons', 'reports',
  'alarms', 'alarmRules', 'alarmNotifications', 'cameras', 'bays', 'thermal', 'sensors', 'users', 'audit'];
// the permission sets of the server's roles (io.pylon.domain.tenant.Role)
const MAINTENANCE = new Set(['STATIONS_READ', 'CHARGERS_READ', 'CHARGERS_WRITE', 'CHARGERS_COMMAND', 'SESSIONS_READ', 'ALARMS_READ', 'ALARMS_HANDLE']);
const FINANCE = new Set(['STATIONS_READ', 'CHARGERS_READ', 'SESSIONS_READ', 'TARIFFS_READ', 'ORDERS_READ', 'ORDERS_REFUND', 'DRIVERS_READ',
  'WALLET_WRITE', 'MARKETING_READ', 'REPORTS_READ', 'AUDIT_READ', 'INVOICES_READ', 'INVOICES_WRITE', 'RECONCILE']);

describe('menu by role', () => {
  it('shows maintenance crews equipment and safety, no money, people or audit', () => {
    const menu = visibleMenu(MENU, MAINTENANCE);
    expect(menu).toEqual(['dashboard', 'stations', 'chargers', 'sessions', 'alarms', 'alarmRules', 'alarmNotifications', 'cameras', 'bays', 'thermal', 'sensors']);
    expect(menu).not.toContain('users');
    expect(menu).not.toContain('orders');
    expect(menu).not.toContain('reports');
  });

  it('shows finance money and reports but not users, alarms or safety set-up', () => {
    const menu = visibleMenu(MENU, FINANCE);
    expect(menu).toContain('orders');
    expect(menu).toContain('reports');
    expect(menu).toContain('audit');
    expect(menu).not.toContain('users');
    expect(menu).not.toContain('alarms');
    expect(menu).not.toContain('cameras');
  });

  it('shows everything while the permissions are unknown, and every entry has a rule', () => {
    expect(visibleMenu(MENU, null)).toEqual(MENU);
    for (const item of MENU) expect(PAGE_PERMISSION[item], item).toBeTruthy();
  });

  it('keeps the order it is given', () => {
    expect(visibleMenu(['users', 'dashboard'], new Set(['USERS_MANAGE', 'CHARGERS_READ']))).toEqual(['users', 'dashboard']);
  });
});

describe('routes by role', () => {
  it('finds the page a path belongs to, detail pages included', () => {
    expect(routePermission('dashboard', '/')).toBe('CHARGERS_READ');
    expect(routePermission('users', '/users')).toBe('USERS_MANAGE');
    expect(routePermission('order', '/orders/12')).toBe('ORDERS_READ');
    expect(routePermission('alarm-rules', '/alarm-rules')).toBe('ALARMS_READ');
    expect(routePermission('station-qr', '/stations/3/qr')).toBe('STATIONS_READ');
  });

  it('asks for write permission on the create forms', () => {
    expect(routePermission('station-new', '/stations/new')).toBe('STATIONS_WRITE');
    expect(routePermission('tariff-new', '/tariffs/new')).toBe('TARIFFS_WRITE');
    expect(can(FINANCE, routePermission('tariff-new', '/tariffs/new'))).toBe(false);
    expect(can(FINANCE, routePermission('tariffs', '/tariffs'))).toBe(true);
  });

  it('leaves pages without a rule open', () => {
    expect(routePermission('forbidden', '/forbidden')).toBeUndefined();
    expect(can(MAINTENANCE, undefined)).toBe(true);
  });
});
