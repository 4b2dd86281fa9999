import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { token } from './api/client';
import { loadAccess } from './lib/access';
import { can, routePermission } from './lib/permissions';

// Every page is its own chunk (loaded when first visited); the console, big-screen and driver app share one build.
const consoleRoutes: RouteRecordRaw[] = [
  { path: '', name: 'dashboard', component: () => import('./console/DashboardPage.vue') },
  { path: 'stations', name: 'stations', component: () => import('./console/StationsPage.vue') },
  { path: 'stations/new', name: 'station-new', component: () => import('./console/StationEditPage.vue') },
  { path: 'stations/:id', name: 'station', component: () => import('./console/StationEditPage.vue'), props: true },
  { path: 'stations/:id/qr', name: 'station-qr', component: () => import('./console/QrSheetPage.vue'), props: true },
  { path: 'chargers', name: 'chargers', component: () => import('./console/ChargersPage.vue') },
  { path: 'chargers/:id', name: 'charger', component: () => import('./console/ChargerPage.vue'), props: true },
  { path: 'sessions', name: 'sessions', component: () => import('./console/SessionsPage.vue') },
  { path: 'orders', name: 'orders', component: () => import('./console/OrdersPage.vue') },
  { path: 'orders/:id', name: 'order', component: () => import('./console/OrderPage.vue'), props: true },
  { path: 'tariffs', name: 'tariffs', component: () => import('./console/TariffsPage.vue') },
  { path: 'tariffs/new', name: 'tariff-new', component: () => import('./console/TariffPage.vue') },
  { path: 'tariffs/:id', name: 'tariff', component: () => import('./console/TariffPage.vue'), props: true },
  { path: 'drivers', name: 'drivers', component: () => import('./console/DriversPage.vue') },
  { path: 'drivers/:id', name: 'driver', component: () => import('./console/DriverPage.vue'), props: true },
  { path: 'cards', name: 'cards', component: () => import('./console/CardsPage.vue') },
  { path: 'coupons', name: 'coupons', component: () => import('./console/CouponsPage.vue') },
  { path: 'reports', name: 'reports', component: () => import('./console/ReportsPage.vue') },
  { path: 'alarms', name: 'alarms', component: () => import('./console/AlarmsPage.vue') },
  { path: 'alarm-rules', name: 'alarm-rules', component: () => import('./console/AlarmRulesPage.vue') },
  { path: 'alarm-notifications', name: 'alarm-notifications', component: () => import('./console/AlarmNotificationsPage.vue') },
  { path: 'cameras', name: 'cameras', component: () => import('./console/CamerasPage.vue') },
  { path: 'bays', name: 'bays', component: () => import('./console/BaysPage.vue') },
  { path: 'thermal', name: 'thermal', component: () => import('./console/ThermalPage.vue') },
  { path: 'sensors', name: 'sensors', component: () => import('./console/SensorsPage.vue') },
  { path: 'users', name: 'users', component: () => import('./console/UsersPage.vue') },
  { path: 'audit', name: 'audit', component: () => import('./console/AuditPage.vue') },
  { path: 'forbidden', name: 'forbidden', component: () => import('./console/ForbiddenPage.vue') },
];

const driverRoutes: RouteRecordRaw[] = [
  { path: '', name: 'm-nearby', component: () => import('./driver/NearbyPage.vue') },
  { path: 'stations/:id', name: 'm-station', component: () => import('./driver/StationPage.vue'), props: true },
  { path: 'c/:code?', name: 'm-connector', component: () => import('./driver/ConnectorPage.vue') },
  { path: 'session/:id', name: 'm-session', component: () => import('./driver/SessionPage.vue'), props: true },
  { path: 'history', name: 'm-history', component: () => import('./driver/HistoryPage.vue') },
  { path: 'orders/:id', name: 'm-receipt', component: () => import('./driver/ReceiptPage.vue'), props: true },
  { path: 'me', name: 'm-me', component: () => import('./driver/MePage.vue') },
  { path: 'pay/:id', name: 'm-pay', component: () => import('./driver/PaymentPage.vue'), props: true },
];

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./console/LoginPage.vue') },
  { path: '/screen', name: 'screen', component: () => import('./screen/BigScreen.vue'), meta: { staff: true } },
  { path: '/m/login', name: 'm-login', component: () => import('./driver/DriverLogin.vue') },
  { path: '/m', component: () => import('./driver/DriverLayout.vue'), children: driverRoutes, meta: { driver: true } },
  { path: '/', component: () => import('./console/ConsoleLayout.vue'), children: consoleRoutes, meta: { staff: true } },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (to.matched.some((r) => r.meta.driver) && !token('driver')) return { path: '/m/login', query: { redirect: to.fullPath } };
  if (to.matched.some((r) => r.meta.staff) && !token('staff')) return { path: '/login', query: { redirect: to.fullPath } };
  // console pages the role may not use show the "no permission" page instead (the server would answer 403)
  if (to.matched.some((r) => r.meta.staff) && to.name !== 'forbidden' && to.name !== 'screen') {
    const needed = routePermission(to.name as string | undefined, to.path);
    if (!can(await loadAccess(), needed)) return { name: 'forbidden', query: { page: to.fullPath, needs: needed } };
  }
  return true;
});
