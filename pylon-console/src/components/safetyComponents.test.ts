import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '../i18n';
import ThresholdGrid from './ThresholdGrid.vue';
import KeyOnceDialog from './KeyOnceDialog.vue';
import { DEFAULTS, emptyForm, patchOf, type ThresholdForm } from '../lib/thermal';

const plugins = [i18n, ElementPlus];

describe('ThresholdGrid', () => {
  it('shows what a blank cell inherits and hands back what a person typed', async () => {
    i18n.global.locale.value = 'en';
    let value: ThresholdForm = emptyForm();
    const w = mount(ThresholdGrid, {
      props: { modelValue: value, inherited: { ...DEFAULTS, alarmC: 65 }, 'onUpdate:modelValue': (v: ThresholdForm) => (value = v) },
      global: { plugins },
    });
    expect(w.text()).toContain('Temperature');
    expect(w.get('[data-field=alarmC] input').attributes('placeholder')).toBe('65');
    expect(w.get('[data-field=hotAreaEvacuate] input').attributes('placeholder')).toBe('40');
    const input = w.get('[data-field=evacuateC] input');
    await input.setValue('85');
    await input.trigger('blur');
    expect(patchOf(value)).toEqual({ evacuateC: 85 });
    w.unmount();
  });
});

describe('KeyOnceDialog', () => {
  it('shows the key once with the headers the device sends it in', async () => {
    i18n.global.locale.value = 'zh-CN';
    const w = mount(KeyOnceDialog, {
      props: { secret: 'k3y-Secret', deviceId: 'B1-CAM-07', headers: { id: 'X-Device-Id', key: 'X-Device-Key' }, endpoint: '/api/v1/camera-events' },
      global: { plugins },
      attachTo: document.body,
    });
    await w.vm.$nextTick();
    const dialog = document.body.querySelector('[data-test=key-once-dialog]')!;
    expect(dialog.querySelector('[data-test=copy-text]')?.textContent).toBe('k3y-Secret');
    expect(dialog.textContent).toContain('只显示这一次');
    expect(dialog.textContent).toContain('X-Device-Id: B1-CAM-07');
    expect(dialog.textContent).toContain('/api/v1/camera-events');
    w.unmount();
  });
});
