import { describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n } from '../i18n';
import type { Alarm } from '../lib/alarms';

// The banner listens to the live feed; here the test hands it the events instead.
const handlers: ((a: Alarm) => void)[] = [];
vi.mock('../api/live', () => ({ onLive: (_: string, fn: (a: Alarm) => void) => (handlers.push(fn), () => {}) }));

const { default: AlarmBanner } = await import('./AlarmBanner.vue');
const { default: SeverityTag } = await import('./SeverityTag.vue');

const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
const plugins = [i18n, ElementPlus, router];
const alarm = (over: Partial<Alarm>): Alarm => ({
  id: 1, state: 'OPEN', severity: 'CRITICAL', source: 'thermal', code: 'HOT', chargerId: 'CP-9', connectorId: 2, occurrences: 1,
  info: 'zone A 95 °C', raisedAt: '2026-01-01T10:00:00Z', lastSeenAt: '2026-01-01T10:00:00Z', ...over,
});
const send = async (a: Alarm) => {
  handlers.forEach((h) => h(a));
  await nextTick();
};

describe('AlarmBanner', () => {
  it('shows an evacuation with where and what and a link to the alarm, and goes when the alarm is cleared', async () => {
    i18n.global.locale.value = 'en';
    const w = mount(AlarmBanner, { global: { plugins } });
    await send(alarm({ id: 7, severity: 'WARNING' }));
    expect(w.find('[data-test=alarm-banner]').exists()).toBe(false);
    await send(alarm({ id: 8, severity: 'EVACUATION', occurrences: 3 }));
    const banner = w.get('[data-test=alarm-banner]');
    expect(banner.attributes('data-severity')).toBe('EVACUATION');
    expect(banner.text()).toContain('EVACUATE');
    expect(banner.text()).toContain('CP-9/2');
    expect(banner.text()).toContain('HOT');
    expect(banner.get('[data-test=alarm-banner-link]').attributes('href')).toBe('/alarms?alarm=8');
    await send(alarm({ id: 8, severity: 'EVACUATION', state: 'CLEARED' }));
    expect(w.find('[data-test=alarm-banner]').exists()).toBe(false);
    w.unmount();
  });

  it('shows a new critical alarm once and keeps the three newest banners', async () => {
    const w = mount(AlarmBanner, { global: { plugins } });
    for (const id of [21, 22, 23, 24]) await send(alarm({ id }));
    await send(alarm({ id: 22, occurrences: 2 }));
    expect(w.findAll('[data-test=alarm-banner]').map((b) => b.attributes('data-alarm'))).toEqual(['24', '23', '22']);
    await w.get('[data-alarm="23"] .close').trigger('click');
    expect(w.findAll('[data-test=alarm-banner]')).toHaveLength(2);
    w.unmount();
  });
});

describe('SeverityTag', () => {
  it('colours each severity and names it in the chosen language', async () => {
    i18n.global.locale.value = 'zh-CN';
    const w = mount(SeverityTag, { props: { severity: 'EVACUATION' }, global: { plugins } });
    expect(w.text()).toBe('疏散');
    expect(w.classes()).toContain('sev-EVACUATION');
    await w.setProps({ severity: 'WARNING' });
    expect(w.text()).toBe('预警');
    expect(w.attributes('style')).toMatch(/background: (#f59e0b|rgb\(245, 158, 11\))/);
    await w.setProps({ severity: null });
    expect(w.text()).toBe('-');
    i18n.global.locale.value = 'en';
  });
});
