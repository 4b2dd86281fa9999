// What the safety screens share: reading every page of a list, copying text, the open alarms of the safety detectors
// and the chargers of a station for the pickers.
import { ref } from 'vue';
import { api, ok, type Schemas } from '../api/client';
import type { Alarm } from './alarms';

/**
 * Every item of a paged list, page after page of `size`, at most `maxPages` pages (the screens show a car park's
 * devices, not a fleet: 4 × 500 is plenty and the loop stays bounded).
 */
export async function allPages<T>(fetch: (page: number, size: number) => Promise<{ items?: T[] }>, size = 500, maxPages = 4): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < maxPages; page++) {
    const items = (await fetch(page, size)).items ?? [];
    all.push(...items);
    if (items.length < size) break;
  }
  return all;
}

/** Copies text to the clipboard; false when the browser refuses (plain http): the text stays selectable on screen. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The alarms not yet cleared of some detectors (e.g. ['sensor']), up to 500, for the "open alarm" columns. */
export async function openAlarms(sources: readonly string[], stationId?: number): Promise<Alarm[]> {
  const lists = await Promise.all(sources.map((source) =>
    ok(api.GET('/api/v1/alarms', { params: { query: { state: 'NOT_CLEARED', source, stationId, size: 500 } } })).then((r) => r.items ?? [])));
  return lists.flat();
}

/** The chargers of the stations asked for, loaded once per station, for the charger pickers of the forms. */
export function useStationChargers() {
  const chargers = ref<Record<number, Schemas['ChargerSummary'][]>>({});
  async function load(stationId: number | null | undefined) {
    if (stationId == null || chargers.value[stationId]) return;
    const list = await allPages((page, size) => ok(api.GET('/api/v1/chargers', { params: { query: { stationId, page, size } } })), 500, 2);
    chargers.value = { ...chargers.value, [stationId]: list };
  }
  const of = (stationId: number | null | undefined) => (stationId == null ? [] : chargers.value[stationId] ?? []);
  return { load, of };
}

/** Operators' codes by id (GET /api/v1/operators answers the caller's own, or all of them for platform admins). */
export function useOperatorCodes() {
  const codes = ref(new Map<number, string>());
  async function load() {
    const list = await ok(api.GET('/api/v1/operators'));
    codes.value = new Map(list.filter((o) => o.id != null).map((o) => [o.id!, o.code ?? '']));
  }
  /** The code of an operator, or of the only one the caller sees. */
  const code = (operatorId: number | null | undefined) =>
    (operatorId != null ? codes.value.get(operatorId) : codes.value.size === 1 ? [...codes.value.values()][0] : undefined) ?? null;
  return { load, code };
}
