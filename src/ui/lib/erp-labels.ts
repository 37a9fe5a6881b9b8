import type { Erp } from '../erp-types.ts';

const TRANSPORT_NAMES: Partial<Record<string, string>> = { jsonrpc: 'JSON-RPC', json2: 'JSON-2' };

export function transportName(transport: string): string {
  return TRANSPORT_NAMES[transport] ?? transport;
}

/** "Odoo 17.0 over JSON-RPC": what answered at the last check, and how AdlerDo talks to it. */
export function versionLine(erp: Erp, typeName: string): string {
  const version = erp.serverVersion ? `${typeName} ${erp.serverVersion}` : `${typeName}, version unknown`;
  return `${version} over ${transportName(erp.detectedTransport ?? erp.transport)}`;
}
