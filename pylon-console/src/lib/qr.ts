/** The URL printed in a connector's QR label: opens the driver app on that connector (resolved by the server, ADR 0006). */
export function connectorUrl(origin: string, chargerId: string, connectorId: number, code?: string | null): string {
  return code
    ? `${origin}/m/c?code=${encodeURIComponent(code)}`
    : `${origin}/m/c?qr=${encodeURIComponent(`pylon:${chargerId}:${connectorId}`)}`;
}
