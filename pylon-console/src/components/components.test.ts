import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '../i18n';
import BandTimeline from './BandTimeline.vue';
import BillBreakdown from './BillBreakdown.vue';
import { formatSchedule, parseSchedule, type Band } from '../lib/tariff';

const plugins = [i18n, ElementPlus];
/** el-table lays its rows out after mounting. */
const settle = async () => {
  await nextTick();
  await new Promise((r) => setTimeout(r, 50));
  await nextTick();
};

describe('BandTimeline', () => {
  it('paints the dragged range with the chosen band', async () => {
    let slots: Band[] = parseSchedule('00:00-24:00 FLAT');
    const w = mount(BandTimeline, { props: { modelValue: slots, 'onUpdate:modelValue': (s: Band[]) => { slots = s; void w.setProps({ modelValue: s }); } }, global: { plugins } });
    await w.find('[data-test="brush-SHARP"] input').setValue(true);
    const cells = w.findAll('.cell');
    expect(cells).toHaveLength(48);
    await cells[36].trigger('mousedown');
    await cells[39].trigger('mouseenter');
    await w.find('.timeline').trigger('mouseup');
    expect(formatSchedule(slots)).toBe('00:00-18:00 FLAT, 18:00-20:00 SHARP, 20:00-24:00 FLAT');
    await cells[10].trigger('mouseenter'); // not pressed: nothing changes
    expect(formatSchedule(slots)).toBe('00:00-18:00 FLAT, 18:00-20:00 SHARP, 20:00-24:00 FLAT');
    expect(w.find('[data-slot="37"]').attributes('data-band')).toBe('SHARP');
  });

  it('does not paint when read-only', async () => {
    let changed = false;
    const w = mount(BandTimeline, { props: { modelValue: parseSchedule('00:00-24:00 FLAT'), readonly: true, 'onUpdate:modelValue': () => { changed = true; } }, global: { plugins } });
    await w.findAll('.cell')[3].trigger('mousedown');
    expect(changed).toBe(false);
    expect(w.find('.brushes').exists()).toBe(false);
  });
});

describe('BillBreakdown', () => {
  const lines = [
    { band: 'PEAK', energyWh: 10000, electricityPrice: 1, servicePrice: 0.5, electricityAmount: { amount: 10 }, serviceAmount: { amount: 5 } },
    { band: 'VALLEY', energyWh: 5000, electricityPrice: 0.3, servicePrice: 0.2, electricityAmount: { amount: 1.5 }, serviceAmount: { amount: 1 } },
  ];

  it('shows each band and a total that matches the bill', async () => {
    i18n.global.locale.value = 'en';
    const w = mount(BillBreakdown, { props: { lines, currency: 'CNY', total: { amount: 18.5 }, extras: [{ amount: 1 }] }, global: { plugins }, attachTo: document.body });
    await settle();
    expect(w.findAll('[data-band]').map((e) => e.attributes('data-band'))).toEqual(['PEAK', 'VALLEY']);
    expect(w.find('[data-test="bill-sum"]').text()).toContain('15 kWh');
    expect(w.find('[data-test="bill-sum"]').text()).toContain('17.50 CNY');
    expect(w.find('[data-test="bill-check"]').text()).toContain('✓');
  });

  it('flags a bill whose bands do not add up', () => {
    const w = mount(BillBreakdown, { props: { lines, total: { amount: 20 } }, global: { plugins } });
    expect(w.find('[data-test="bill-check"]').text()).toContain('✗');
  });

  it('speaks Chinese when switched', async () => {
    i18n.global.locale.value = 'zh-CN';
    const w = mount(BillBreakdown, { props: { lines }, global: { plugins }, attachTo: document.body });
    await settle();
    expect(w.text()).toContain('峰');
    expect(w.text()).toContain('谷');
    i18n.global.locale.value = 'en';
  });
});
