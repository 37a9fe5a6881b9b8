import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { OdooSettings } from '../odoo.settings.ts';
import { httpStatusError } from './errors.ts';
import { send, withRetry } from './http.ts';
import { Json2Transport } from './json2.ts';
import { jsonRpc, JsonRpcTransport } from './jsonrpc.ts';
import type { OdooServerVersion, OdooTransport } from './types.ts';

const versionSchema = z.looseObject({
  server_version: z.string(),
  server_version_info: z.tuple([z.number(), z.number()]).rest(z.unknown()),
});
const webVersionSchema = z.looseObject({
  version: z.string(),
  version_info: z.tuple([z.number(), z.number()]).rest(z.unknown()),
});

/** JSON-2 arrived in Odoo 19; /jsonrpc is still served there but deprecated. */
export const FIRST_JSON2_MAJOR = 19;

/**
 * `common.version` over /jsonrpc (Odoo 8–19, no login needed). When /jsonrpc is gone (announced for a later
 * major) GET /web/version answers instead.
 */
export async function detectVersion(settings: OdooSettings): Promise<OdooServerVersion> {
  const { url } = settings;
  try {
    const info = versionSchema.parse(
      await jsonRpc(url, 'common', 'version', [], { url, method: 'common.version' }, settings, true),
    );
    const [major, minor] = info.server_version_info;
    return { serverVersion: info.server_version, major, minor };
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'odoo.not_odoo')) throw error;
    const call = { url, method: 'web.version' };
    const answer = await withRetry(
      () => send(`${url}/web/version`, { method: 'GET' }, call, settings),
      true,
      settings,
    );
    const parsed = answer.status === 200 ? webVersionSchema.safeParse(safeJson(answer.text)) : undefined;
    if (!parsed?.success)
      throw httpStatusError(answer.status === 200 ? 404 : answer.status, call, answer.text);
    const [major, minor] = parsed.data.version_info;
    return { serverVersion: parsed.data.version, major, minor };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `uid`: a user id already known for these settings (no sign-in call then). */
export function chooseTransport(
  settings: OdooSettings,
  version: OdooServerVersion,
  uid?: number,
): OdooTransport {
  const kind =
    settings.transport === 'auto'
      ? version.major >= FIRST_JSON2_MAJOR
        ? 'json2'
        : 'jsonrpc'
      : settings.transport;
  return kind === 'json2' ? new Json2Transport(settings, uid) : new JsonRpcTransport(settings, uid);
}
