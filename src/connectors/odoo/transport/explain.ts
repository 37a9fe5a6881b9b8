import { FIRST_JSON2_MAJOR } from './open.ts';

/** The Odoo major in which /jsonrpc and /xmlrpc are announced to disappear (19 logs it on every call). */
export const JSONRPC_REMOVED_MAJOR = 20;

export interface TransportNote {
  /** Which API AdlerDo uses and why, in one sentence. */
  text: string;
  /** Set when the choice will stop working: a 19+ driven over the deprecated JSON-RPC. */
  warning: string | null;
}

/**
 * Explains the API choice `chooseTransport` made, for the ERP page: automatic (JSON-2 from 19, JSON-RPC up to
 * 18) or forced in the connection's advanced settings. `serverVersion` and `detected` are what the last check saw.
 */
export function explainTransport(
  setting: string,
  serverVersion: string | null,
  detected: string | null,
): TransportNote | null {
  const used = detected ?? (setting === 'auto' ? null : setting);
  if (!used) return null;
  const major = serverVersion ? Number.parseInt(serverVersion, 10) : Number.NaN;
  const name = used === 'json2' ? 'JSON-2' : 'JSON-RPC';
  const text =
    setting === 'auto'
      ? used === 'json2'
        ? `Uses JSON-2: chosen automatically, as Odoo ${FIRST_JSON2_MAJOR} and later offer it (API key as bearer token).`
        : `Uses JSON-RPC: chosen automatically, as Odoo up to ${FIRST_JSON2_MAJOR - 1} has no JSON-2.`
      : `Uses ${name}: forced in the connection's advanced settings.`;
  const warning =
    used === 'jsonrpc' && major >= FIRST_JSON2_MAJOR
      ? `Odoo ${major} deprecates JSON-RPC and Odoo ${JSONRPC_REMOVED_MAJOR} removes it: set the transport to Automatic or JSON-2.`
      : null;
  return { text, warning };
}
