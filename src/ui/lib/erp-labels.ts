import type { Erp } from '../erp-types.ts';
import { i18n } from '../i18n/index.ts';

const TRANSPORT_NAMES: Partial<Record<string, string>> = { jsonrpc: 'JSON-RPC', json2: 'JSON-2' };

const say = (key: string, values?: Record<string, unknown>) => i18n.t(key, { ns: 'erp', ...values });

export function transportName(transport: string): string {
  return TRANSPORT_NAMES[transport] ?? transport;
}

/** "Odoo 17.0 over JSON-RPC": what answered at the last check, and how AdlerDo talks to it. */
export function versionLine(erp: Erp, typeName: string): string {
  const transport = transportName(erp.detectedTransport ?? erp.transport);
  return erp.serverVersion
    ? say('version.known', { name: typeName, version: erp.serverVersion, transport })
    : say('version.unknown', { name: typeName, transport });
}

/**
 * Which API is used and why, and the warning when it is on its way out. The server sends both in English; the
 * sentences follow from the connection's own fields, so they are said here in the language on screen.
 */
export function transportNote(erp: Erp): { text: string; warning: string | null } | null {
  if (!erp.transportNote) return null;
  const used = erp.detectedTransport ?? erp.transport;
  const text =
    erp.transport === 'auto'
      ? say(used === 'json2' ? 'transport.autoJson2' : 'transport.autoJsonrpc')
      : say('transport.forced', { transport: transportName(used) });
  const major = erp.serverVersion ? Number.parseInt(erp.serverVersion, 10) : Number.NaN;
  const warning =
    erp.transportNote.warning && Number.isFinite(major) ? say('transport.warning', { major }) : null;
  return { text, warning: warning ?? erp.transportNote.warning };
}
