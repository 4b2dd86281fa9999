// The stations a person sees, for the station pickers and filters of the alarm screens (up to 2,000, by name).
import { computed, ref } from 'vue';
import { api, ok, type Schemas } from '../api/client';

export type StationOption = { id: number; name: string; operatorId?: number };

export function useStations() {
  const stations = ref<StationOption[]>([]);
  const names = computed(() => new Map(stations.value.map((s) => [s.id, s.name])));
  async function load() {
    const all: Schemas['Station'][] = [];
    for (let page = 0; page < 4; page++) {
      const r = await ok(api.GET('/api/v1/stations', { params: { query: { page, size: 500 } } }));
      all.push(...(r.items ?? []));
      if ((r.items ?? []).length < 500) break;
    }
    stations.value = all.filter((s) => s.id != null).map((s) => ({ id: s.id!, name: s.name ?? `#${s.id}`, operatorId: s.operatorId }));
  }
  /** A station's name, or "#id" for one not loaded. */
  const stationName = (id: number | null | undefined) => (id == null ? '' : names.value.get(id) ?? `#${id}`);
  return { stations, load, stationName };
}
