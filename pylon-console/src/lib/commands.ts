// The remote commands the REST API offers (OCPP 1.6, plus the YKC-only ones a pile needs) (POST /api/v1/chargers/{id}/commands/<name>), each with a
// request template for the console's command form. The names and bodies follow openapi.json.
import type { paths } from '../api/schema';

type CommandPath = Extract<keyof paths, `/api/v1/chargers/{id}/commands/${string}`>;
export type CommandName = CommandPath extends `/api/v1/chargers/{id}/commands/${infer N}` ? N : never;

export const COMMANDS: Record<CommandName, Record<string, unknown> | null> = {
  'remote-start': { connectorId: 1, idTag: '' },
  'remote-stop': { transactionId: 0 },
  reset: { type: 'Soft' },
  'unlock-connector': { connectorId: 1 },
  'change-availability': { connectorId: 0, type: 'Inoperative' },
  'get-configuration': { keys: [] },
  'change-configuration': { key: 'HeartbeatInterval', value: '300' },
  'clear-cache': null,
  'trigger-message': { requestedMessage: 'StatusNotification', connectorId: 1 },
  'send-local-list': { updateType: 'Full', idTags: [], removals: [] },
  'get-local-list-version': null,
  'reserve-now': { connectorId: 1, idTag: '', expiryDate: new Date(Date.now() + 3600_000).toISOString() },
  'cancel-reservation': { reservationId: 1 },
  'set-charging-profile': {
    connectorId: 1,
    chargingProfile: {
      chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
    },
  },
  'clear-charging-profile': { connectorId: 1 },
  'get-composite-schedule': { connectorId: 1, duration: 3600, chargingRateUnit: 'A' },
  'update-firmware': { location: 'https://firmware.example/fw.bin', retries: 1, retryInterval: 60 },
  'get-diagnostics': { location: 'ftp://diagnostics.example/upload', retries: 1, retryInterval: 60 },
  'data-transfer': { vendorId: 'io.pylon', messageId: 'ping', data: '' },
  'set-tariff': null,
  'clock-sync': null,
  'parking-lock': { connectorId: 1, action: 'Lower' },
  'work-parameters': { enabled: true, maxPowerPercent: 100 },
  'card-balance': { idTag: '', connectorId: 1 },
  'query-local-list': { idTags: [] },
  'parallel-remote-start': { connectorId: 1, secondConnectorId: 2, idTag: '' },
};

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The configuration keys of a GetConfiguration answer, as rows. */
export function configurationRows(data: unknown): { key: string; value: string; readonly: boolean }[] {
  const d = data as { configurationKey?: { key: string; value?: string; readonly?: boolean }[] } | null;
  return (d?.configurationKey ?? []).map((k) => ({ key: k.key, value: k.value ?? '', readonly: !!k.readonly }));
}
