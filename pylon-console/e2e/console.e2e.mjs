// End-to-end test of the web app in Debian's Chromium (playwright-core, no browser download), against a running
// platform with simulated chargers. Run by pylon-server's ConsoleE2EIT, which starts both and passes the data it
// made in the environment. Talks back on stdout: "REQUEST local-start <charger> <connector>" asks the harness to start
// a session at the simulated charger itself (as a driver swiping a card would), "REQUEST pay <reference> <amount>" to
// send the payment gateway's signed callback for a top-up; the harness answers on stdin.
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing env ${name}`);
  return v;
};
const BASE = env('E2E_BASE_URL');
const SHOTS = env('E2E_SHOTS');
const BUDGET = Number(process.env.E2E_MAIN_ROUTE_BUDGET ?? 1_048_576);
mkdirSync(SHOTS, { recursive: true });

const stdin = createInterface({ input: process.stdin });
const answers = [];
let waiting = null;
stdin.on('line', (line) => (waiting ? (waiting(line), (waiting = null)) : answers.push(line)));
function ask(request) {
  console.log(`REQUEST ${request}`);
  return new Promise((resolve) => (answers.length ? resolve(answers.shift()) : (waiting = resolve)));
}

let passed = 0;
let failed = 0;
const STEP_TIMEOUT = 90_000;
async function step(name, fn, timeout = STEP_TIMEOUT) {
  const started = Date.now();
  let timer;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`step timed out after ${timeout} ms`)), timeout)))]);
    clearTimeout(timer);
    passed++;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    clearTimeout(timer);
    failed++;
    for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) {
      await p.screenshot({ path: `${SHOTS}/failed-${failed}-${i}.png`, timeout: 5000 }).catch(() => {});
    }
    console.log(`not ok - ${name}: ${e.stack ?? e}`);
    throw e;
  }
}

const browser = await chromium.launch({
  executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const shot = (page, name) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

  await step('log in to the console; the main route stays within the JavaScript budget', async () => {
    const scripts = [];
    let lastScript = Date.now();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') lastScript = Date.now();
    });
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r);
    });
    await page.goto(`${BASE}/login`);
    await page.fill('input[name=username]', env('E2E_ADMIN_USER'));
    await page.fill('input[name=password]', env('E2E_ADMIN_PASSWORD'));
    await shot(page, '01-login');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=dashboard]');
    await page.waitForFunction(() => document.querySelector('[data-test=today-sessions]')?.textContent?.trim() !== '-');
    // the live stream (a fetch that never ends) keeps the network from ever being idle: wait until no script was asked
    // for during a second instead (bounded)
    for (let i = 0; i < 150 && Date.now() - lastScript < 1000; i++) await page.waitForTimeout(200);
    let gzip = 0;
    let raw = 0;
    let transferred = 0;
    for (const r of scripts) {
      const body = await r.body();
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
      transferred += (await r.request().sizes()).responseBodySize; // as sent: the server compresses them
    }
    console.log(`MAIN_ROUTE_JS files=${scripts.length} raw=${raw} gzip=${gzip} transferred=${transferred}`);
    if (transferred > BUDGET) throw new Error(`main route transfers ${transferred} bytes of JavaScript, over ${BUDGET}`);
    if (gzip > BUDGET) throw new Error(`main route loads ${gzip} bytes of gzipped JavaScript, over ${BUDGET}`);
    await shot(page, '02-dashboard');
  });

  await step('the chargers list shows a simulated charger changing status live', async () => {
    const charger = env('E2E_CHARGER_B');
    await page.goto(`${BASE}/chargers`);
    await page.waitForSelector(`[data-charger="${charger}"] [data-connector="1"][data-status="AVAILABLE"]`);
    await page.waitForSelector('[data-test=live-indicator].el-tag--success');
    const answer = await ask(`local-start ${charger} 1`);
    if (answer !== 'started') throw new Error(`harness: ${answer}`);
    await page.waitForSelector(`[data-charger="${charger}"] [data-connector="1"][data-status="CHARGING"]`);
    await shot(page, '03-chargers-live');
  });

  await step(`a list of ${env('E2E_BIG_COUNT')} chargers pages from the server and scrolls virtually`, async () => {
    const count = Number(env('E2E_BIG_COUNT'));
    await page.goto(`${BASE}/chargers`);
    await page.waitForSelector('[data-test=charger-count]');
    await page.fill('[data-test=filter-station] input, input[data-test=filter-station]', env('E2E_BIG_STATION'));
    await page.press('[data-test=filter-station] input, input[data-test=filter-station]', 'Enter');
    await page.waitForFunction((n) => document.querySelector('[data-test=charger-count]')?.getAttribute('data-total') === String(n), count);
    const started = Date.now();
    let loaded = 0;
    let maxRendered = 0;
    const box = await page.locator('.el-table-v2').first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let reported = 0;
    while (loaded < count && Date.now() - started < 220_000) {
      await page.mouse.wheel(0, 40_000); // as a person scrolls: the virtual list listens to the wheel
      await page.waitForTimeout(100);
      loaded = Number(await page.getAttribute('[data-test=charger-count]', 'data-loaded'));
      if (loaded - reported >= 5000) {
        console.log(`  ${loaded} chargers after ${Date.now() - started} ms`);
        reported = loaded;
      }
      maxRendered = Math.max(maxRendered, await page.$$eval('.el-table-v2__row', (rows) => rows.length));
    }
    const ms = Date.now() - started;
    console.log(`CHARGERS_LIST total=${count} loaded=${loaded} scroll_to_end_ms=${ms} max_rendered_rows=${maxRendered}`);
    if (loaded !== count) throw new Error(`loaded ${loaded} of ${count}`);
    if (maxRendered > 200) throw new Error(`${maxRendered} rows in the DOM: not virtual`);
    const last = `[data-charger$="${String(count).padStart(5, '0')}"] [data-connector="2"]`;
    for (let i = 0; i < 50 && !(await page.$(last)); i++) {
      await page.mouse.wheel(0, 40_000);
      await page.waitForTimeout(200);
    }
    await page.waitForSelector(last);
    await shot(page, '04-chargers-20k-end');
  }, 240_000);

  await step('start a session from the console and watch it charge', async () => {
    const charger = env('E2E_CHARGER_A');
    await page.goto(`${BASE}/chargers/${charger}`);
    await page.waitForSelector('[data-test=connector-1] [data-status="AVAILABLE"]');
    await page.fill('input[data-test=start-idtag], [data-test=start-idtag] input', env('E2E_REMOTE_TAG'));
    await page.click('[data-test=remote-start-1]');
    await page.waitForFunction(() => /Accepted/.test(document.querySelector('[data-test=command-answer]')?.textContent ?? ''));
    await shot(page, '04-remote-start-answer');
    await page.click('#tab-connectors');
    await page.waitForSelector('[data-test=connector-1] [data-status="CHARGING"]');
    await page.goto(`${BASE}/sessions`);
    const energy = () => page.$$eval('[data-test=live-sessions] tr', (trs, c) => {
      const row = trs.find((tr) => tr.textContent?.includes(c));
      const cell = row?.querySelector('[data-test=live-energy]')?.textContent ?? '';
      return cell && cell !== '-' ? Number(cell) : -1;
    }, charger);
    await page.waitForFunction((c) => [...document.querySelectorAll('[data-test=live-sessions] tr')].some((tr) => tr.textContent?.includes(c)), charger);
    const first = await energy();
    let later = first;
    for (let i = 0; i < 30 && later <= first; i++) {
      await page.waitForTimeout(1000);
      later = await energy();
    }
    if (!(later > first)) throw new Error(`energy did not grow: ${first} -> ${later}`);
    console.log(`live energy ${first} -> ${later} kWh`);
    await shot(page, '05-sessions-live');
  });

  await step('read the charger configuration', async () => {
    await page.goto(`${BASE}/chargers/${env('E2E_CHARGER_A')}`);
    await page.click('#tab-config');
    await page.click('[data-test=read-config]');
    await page.waitForSelector('[data-test=config] .el-table__row');
    await shot(page, '06-configuration');
  });

  await step('switch the language between Chinese and English', async () => {
    await page.goto(`${BASE}/`);
    await page.waitForSelector('[data-test=nav-chargers]');
    const text = () => page.textContent('[data-test=nav-chargers]');
    if ((await text())?.trim() !== '充电桩') throw new Error(`expected Chinese first, got ${await text()}`);
    await page.click('[data-test=lang]');
    await page.click('.el-select-dropdown__item:has-text("English")');
    await page.waitForFunction(() => document.querySelector('[data-test=nav-chargers]')?.textContent?.trim() === 'Chargers');
    await shot(page, '07-english');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-test=nav-chargers]')?.textContent?.trim() === 'Chargers');
    await page.click('[data-test=lang]');
    await page.click('.el-select-dropdown__item:has-text("中文")');
    await page.waitForFunction(() => document.querySelector('[data-test=nav-chargers]')?.textContent?.trim() === '充电桩');
  });

  await step('the tariff editor previews a session\'s cost', async () => {
    await page.goto(`${BASE}/tariffs/new`);
    await page.waitForSelector('[data-test=preview] .el-table__row');
    const total = await page.textContent('[data-test=preview-total]');
    if (!/\d+\.\d{2}/.test(total ?? '')) throw new Error(`no preview total: ${total}`);
    await shot(page, '08-tariff-editor');
  });

  await step('a driver starts and stops charging by connector code on the phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const m = await phone.newPage();
    m.setDefaultTimeout(30_000);
    await m.goto(`${BASE}/m`);
    await m.fill('input[name=operator]', env('E2E_OPERATOR'));
    await m.fill('input[name=login]', env('E2E_DRIVER_LOGIN'));
    await m.fill('input[name=password]', env('E2E_DRIVER_PASSWORD'));
    await m.click('[data-test=m-login-submit]');
    await m.waitForSelector('[data-test=m-station]');
    await shot(m, '10-driver-nearby');
    await m.click('[data-test=m-nav-scan]');
    await m.fill('input[data-test=m-code], [data-test=m-code] input', env('E2E_CONNECTOR_CODE'));
    await m.click('[data-test=m-find]');
    await m.waitForSelector('[data-test=m-connector]');
    await m.click('[data-test=m-start]');
    await m.waitForSelector('[data-test=m-session][data-state="ACTIVE"]', { timeout: 60_000 });
    await m.waitForFunction(() => Number(document.querySelector('[data-test=m-kwh]')?.textContent) > 0, null, { timeout: 60_000 });
    // the session page is fed by the driver's own push stream, not by polling
    await m.waitForSelector('[data-test=m-live-mode][data-mode=push]');
    await shot(m, '11-driver-session');
    await m.click('[data-test=m-stop]');
    await m.waitForSelector('[data-test=m-session][data-state="COMPLETED"]', { timeout: 60_000 });
    await m.click('[data-test=m-receipt-link]');
    await m.waitForSelector('[data-test=m-receipt] [data-test=bill]');
    await shot(m, '12-driver-receipt');
    await phone.close();
  });

  await step('a driver tops up: the hand-off shows the provider request, then the paid result and the new balance', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en' });
    const m = await phone.newPage();
    m.setDefaultTimeout(30_000);
    await m.goto(`${BASE}/m/login`);
    await m.fill('input[name=operator]', env('E2E_OPERATOR'));
    await m.fill('input[name=login]', env('E2E_DRIVER_LOGIN'));
    await m.fill('input[name=password]', env('E2E_DRIVER_PASSWORD'));
    await m.click('[data-test=m-login-submit]');
    await m.waitForSelector('[data-test=m-station]');
    await m.click('[data-test=m-nav-me]');
    await m.waitForFunction(() => /\d/.test(document.querySelector('[data-test=m-balance]')?.textContent ?? ''));
    const before = Number.parseFloat(await m.textContent('[data-test=m-balance]'));
    await m.fill('[data-test=m-topup-amount] input', '88');
    await m.press('[data-test=m-topup-amount] input', 'Tab');
    await m.click('[data-test=m-topup]');
    await m.waitForSelector('[data-test=m-pay][data-state=waiting]');
    const reference = (await m.textContent('[data-test=m-pay-reference]')).trim();
    const link = await m.getAttribute('[data-test=m-pay-link]', 'href');
    if (!link.includes(encodeURIComponent(reference)) || !link.includes('amount=88.00')) throw new Error(`pay page link ${link} does not name ${reference} and 88.00`);
    await m.waitForSelector('[data-test=m-pay-qr] svg');
    if (!(await m.textContent('[data-test=m-pay-amount]')).includes('88.00')) throw new Error('the hand-off does not show the amount');
    await m.waitForSelector('[data-test=m-live-mode][data-mode=push]');
    await shot(m, '20-driver-pay-handoff');
    // the provider reports the payment (a signed callback, sent by the harness as the gateway would)
    const answer = await ask(`pay ${reference} 88.00`);
    if (answer !== 'paid') throw new Error(`the gateway callback was not taken: ${answer}`);
    await m.waitForSelector('[data-test=m-pay][data-state=paid] [data-test=m-pay-balance]');
    const after = Number.parseFloat(await m.textContent('[data-test=m-pay-balance]'));
    if (Math.abs(after - before - 88) > 0.001) throw new Error(`balance ${before} + 88 is not ${after}`);
    await shot(m, '21-driver-pay-paid');
    await m.click('[data-test=m-pay-back]');
    await m.waitForFunction((expected) => Number.parseFloat(document.querySelector('[data-test=m-balance]')?.textContent ?? '') === expected, after);
    await phone.close();
  });

  await step('a maintenance user sees only the menus of their role, and a forbidden page says so', async () => {
    const admin = await (await fetch(`${BASE}/api/v1/auth/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: env('E2E_ADMIN_USER'), password: env('E2E_ADMIN_PASSWORD') }),
    })).json();
    const username = `${env('E2E_OPERATOR')}-crew`;
    const created = await fetch(`${BASE}/api/v1/users`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ username, password: 'crew-password-1', role: 'MAINTENANCE', displayName: 'Crew' }),
    });
    if (created.status !== 201) throw new Error(`user not created: ${created.status} ${await created.text()}`);
    const crewContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en' });
    const crew = await crewContext.newPage();
    crew.setDefaultTimeout(30_000);
    await crew.goto(`${BASE}/login`);
    await crew.fill('input[name=username]', username);
    await crew.fill('input[name=password]', 'crew-password-1');
    await crew.click('[data-test=login-submit]');
    await crew.waitForSelector('[data-test=whoami]');
    await crew.waitForSelector('[data-test=nav-chargers]');
    for (const hidden of ['users', 'orders', 'reports', 'drivers', 'coupons', 'audit', 'tariffs']) {
      if (await crew.$(`[data-test=nav-${hidden}]`)) throw new Error(`maintenance sees the ${hidden} menu`);
    }
    for (const shown of ['dashboard', 'stations', 'sessions', 'alarms']) await crew.waitForSelector(`[data-test=nav-${shown}]`);
    await shot(crew, '22-maintenance-menu');
    await crew.goto(`${BASE}/users`);
    await crew.waitForSelector('[data-test=forbidden]');
    await crew.goto(`${BASE}/orders/1`);
    await crew.waitForSelector('[data-test=forbidden]');
    await shot(crew, '23-maintenance-forbidden');
    await crew.goto(`${BASE}/stations`);
    await crew.waitForSelector('[data-test=stations], .el-table');
    if (await crew.$('[data-test=station-new]')) throw new Error('maintenance is offered to create a station');
    await crewContext.close();
  });

  await step('the big-screen renders with data and live updates', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    wall.setDefaultTimeout(30_000);
    wall.on('pageerror', (e) => console.log(`big-screen error: ${e.message}`));
    await wall.goto(`${BASE}/login`);
    await wall.fill('input[name=username]', env('E2E_ADMIN_USER'));
    await wall.fill('input[name=password]', env('E2E_ADMIN_PASSWORD'));
    await wall.click('[data-test=login-submit]');
    await wall.waitForSelector('[data-test=dashboard]');
    await wall.goto(`${BASE}/screen`);
    await wall.waitForSelector('[data-test=screen]');
    await wall.waitForFunction(() => Number(document.querySelector('[data-test=screen-running]')?.textContent) >= 2);
    // the driver's session is settled by now: today's energy counts it
    await wall.waitForFunction(() => Number(document.querySelector('[data-test=screen-today-sessions]')?.textContent) >= 1);
    await wall.waitForFunction(() => Number(document.querySelector('[data-test=screen-today-energy]')?.textContent) > 0);
    await wall.waitForSelector('[data-test=screen-sessions] tr');
    await wall.waitForSelector('.leaflet-interactive');
    await wall.waitForSelector('[data-test=screen-live]:has-text("实时")');
    await wall.waitForTimeout(1500); // let the charts finish their entry animation for the screenshot
    await shot(wall, '09-big-screen');
    await wall.close();
  });

  await step('the station prints a QR label per connector, and a label URL opens the driver app on it', async () => {
    await page.goto(`${BASE}/stations/${env('E2E_STATION')}/qr`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-test=qr-label] svg').length === n, Number(env('E2E_CONNECTORS')));
    await shot(page, '13-qr-labels');
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const m = await phone.newPage();
    await m.goto(`${BASE}/m/login`);
    await m.fill('input[name=operator]', env('E2E_OPERATOR'));
    await m.fill('input[name=login]', env('E2E_DRIVER_LOGIN'));
    await m.fill('input[name=password]', env('E2E_DRIVER_PASSWORD'));
    await m.click('[data-test=m-login-submit]');
    await m.waitForSelector('[data-test=m-station]');
    await m.goto(`${BASE}/m/c?code=${encodeURIComponent(env('E2E_CONNECTOR_CODE'))}`); // what the phone camera opens
    await m.waitForSelector(`[data-test=m-connector]:has-text("${env('E2E_CONNECTOR_CODE')}")`);
    await phone.close();
  });
  await step('an alarm raised at a charger shows live with a banner; its drawer tells the history and takes an acknowledgement', async () => {
    await page.goto(`${BASE}/alarms`);
    await page.waitForSelector('[data-test=alarms]');
    await page.waitForSelector('[data-test=live-indicator].el-tag--success');
    const answer = await ask(`fault ${env('E2E_ALARM_CHARGER')}`); // a charger reports Faulted: a CRITICAL alarm
    const id = /^alarm (\d+)$/.exec(answer)?.[1];
    if (!id) throw new Error(`harness: ${answer}`);
    await page.waitForSelector(`[data-test=alarm-banner][data-alarm="${id}"][data-severity=CRITICAL]`);
    await page.waitForSelector(`[data-test=alarms] [data-alarm="${id}"][data-code=GroundFailure]`); // the list refreshed itself
    await shot(page, '14-alarm-banner');
    await page.click(`[data-test=alarm-banner][data-alarm="${id}"] [data-test=alarm-banner-link]`);
    await page.waitForSelector(`[data-test=alarm-drawer] [data-alarm="${id}"][data-state=OPEN]`);
    await page.waitForSelector('[data-test=alarm-history] [data-kind=RAISED]');
    // the heat-map kept with the alarm is fetched with the token and shown from an object URL
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test=evidence] img')].some((i) => i.src.startsWith('blob:') && i.naturalWidth > 0));
    await page.fill('input[data-test=alarm-note], [data-test=alarm-note] input', 'e2e: 已到现场');
    await page.click('[data-test=drawer-acknowledge]');
    await page.waitForSelector(`[data-test=alarm-drawer] [data-alarm="${id}"][data-state=ACKNOWLEDGED]`);
    await page.waitForSelector('[data-test=alarm-history] [data-kind=ACKNOWLEDGED]:has-text("已到现场")');
    await shot(page, '15-alarm-drawer');
  });

  await step('an alarm rule is written with the form, refused with the server\'s reason, then listed', async () => {
    const name = `E2E hot connector ${Date.now()}`;
    await page.goto(`${BASE}/alarm-rules`);
    await page.waitForSelector('[data-test=rules]');
    await page.click('[data-test=rule-new]');
    await page.fill('input[data-test=rule-name], [data-test=rule-name] input', name);
    // the form follows the kind: an event code for EVENT, a window for RATE, thresholds and a duration for THRESHOLD
    await page.click('[data-test=rule-kind] .el-radio-button:nth-child(3)');
    await page.waitForSelector('[data-test=rule-event-code]');
    await page.click('[data-test=rule-kind] .el-radio-button:nth-child(2)');
    await page.waitForSelector('[data-test=rule-window]');
    await page.click('[data-test=rule-kind] .el-radio-button:nth-child(1)');
    await page.waitForSelector('[data-test=rule-duration]');
    await page.fill('[data-test=rule-threshold] input', '80');
    await page.press('[data-test=rule-threshold] input', 'Tab');
    await page.fill('[data-test=rule-clear] input', '90'); // on the wrong side of the threshold
    await page.press('[data-test=rule-clear] input', 'Tab');
    await page.click('[data-test=rule-save]');
    await page.waitForSelector('[data-test=rule-error]:has-text("hysteresis")');
    await shot(page, '16-rule-refused');
    await page.fill('[data-test=rule-clear] input', '75');
    await page.press('[data-test=rule-clear] input', 'Tab');
    await page.click('[data-test=rule-save]');
    await page.waitForSelector(`[data-test=rules] [data-rule="${name}"]`);
    await shot(page, '17-rules');
  });
  await step('notifications: a channel without an adapter is refused with the reason; a webhook shows its secret once', async () => {
    await page.goto(`${BASE}/alarm-notifications`);
    await page.waitForSelector('[data-test=webhooks]');
    await page.click('[data-test=sub-channel]');
    await page.click('.el-select-dropdown__item:has-text("短信")');
    await page.fill('input[data-test=sub-address], [data-test=sub-address] input', '13900000000');
    await page.click('[data-test=sub-add]');
    await page.waitForSelector('[data-test=sub-error]:has-text("SMS")');
    await page.fill('input[data-test=hook-url], [data-test=hook-url] input', 'http://127.0.0.1:9/pylon-e2e-hook');
    await page.click('[data-test=hook-add]');
    await page.waitForFunction(() => /^[0-9a-f]{32,}$/.test(document.querySelector('[data-test=hook-secret]')?.textContent?.trim() ?? ''));
    await shot(page, '18-webhook-secret');
    await page.click('[data-test=hook-secret-dialog] .el-dialog__footer .el-button--primary');
    await page.waitForSelector('[data-test=webhooks] .el-table__row:has-text("pylon-e2e-hook")');
    await page.click('[data-test=webhooks] .el-table__row:has-text("pylon-e2e-hook") .el-button--danger');
    await page.click('.el-message-box__btns .el-button--primary');
    await page.waitForSelector('[data-test=webhooks] .el-table__row:has-text("pylon-e2e-hook")', { state: 'detached' });
  });

  await step('sensors: a water sensor is registered with the form and listed with its MQTT topic', async () => {
    const id = `E2E-WS-${Date.now() % 1_000_000}`;
    await page.goto(`${BASE}/sensors`);
    await page.waitForSelector('[data-test=sensors]');
    await page.click('[data-test=sensor-new]');
    await page.fill('input[data-test=sensor-id], [data-test=sensor-id] input', id);
    await page.click('[data-test=sensor-station]');
    await page.click(`.el-select-dropdown__item:visible:has-text("${env('E2E_STATION_NAME')}")`);
    await page.fill('input[data-test=sensor-name], [data-test=sensor-name] input', 'e2e 排水沟');
    await page.click('[data-test=sensor-save]');
    await page.waitForSelector(`[data-test=sensors] [data-sensor="${id}"]`);
    await page.waitForSelector(`[data-test=sensors] .el-table__row:has-text("pylon/sensors/${id}/reading")`);
    await shot(page, '19-sensors');
  });

  await step('cameras: a camera is registered, its key shown once works for the device, its event is listed', async () => {
    const id = `E2E-CAM-${Date.now() % 1_000_000}`;
    await page.goto(`${BASE}/cameras`);
    await page.waitForSelector('[data-test=cameras]');
    await page.click('[data-test=camera-new]');
    await page.fill('input[data-test=camera-id], [data-test=camera-id] input', id);
    await page.click('[data-test=camera-station]');
    await page.click(`.el-select-dropdown__item:visible:has-text("${env('E2E_STATION_NAME')}")`);
    await page.fill('input[data-test=camera-name], [data-test=camera-name] input', 'B1 入口');
    await page.fill('input[data-test=camera-hls], [data-test=camera-hls] input', 'https://media.invalid/live/ch1/index.m3u8');
    await page.click('[data-test=camera-save]');
    await page.waitForSelector('[data-test=key-once-dialog] [data-test=device-key]');
    const key = (await page.textContent('[data-test=key-once-dialog] [data-test=device-key] [data-test=copy-text]'))?.trim() ?? '';
    if (!/^[A-Za-z0-9_-]{40,}$/.test(key)) throw new Error(`no device key shown: ${key}`);
    await shot(page, '20-camera-key-once');
    await page.click('[data-test=key-once-close]');
    await page.waitForSelector(`[data-test=cameras] [data-camera="${id}"]`);
    const sent = await fetch(`${BASE}/api/v1/camera-events`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Device-Id': id, 'X-Device-Key': key },
      body: JSON.stringify({ eventId: `${id}-1`, type: 'smoking', time: new Date().toISOString(), detail: 'e2e' }),
    });
    if (sent.status !== 201) throw new Error(`the key shown was refused: ${sent.status} ${await sent.text()}`);
    await page.goto(`${BASE}/cameras?tab=events`);
    await page.waitForSelector(`[data-test=camera-events] .el-table__row:has-text("${id}") [data-type=smoking]`);
  });

} finally {
  await browser.close();
  stdin.close();
  console.log(`${passed} passed, ${failed} failed`);
}
process.exit(failed === 0 ? 0 : 1);
