import { OdooFault } from './errors.ts';
import type { OdooInstance } from './instance.ts';
import { asFault, faultPayload } from './rpc.ts';

export interface Json2Request {
  model: string;
  method: string;
  authorization: string | undefined;
  database: string | undefined;
  body: unknown;
}

/** HTTP status per exception class, as Odoo 19's /json/2 dispatcher answers (4xx: the call was refused). */
const STATUS: Record<string, number> = {
  'werkzeug.exceptions.Unauthorized': 401,
  'odoo.exceptions.AccessDenied': 401,
  'odoo.exceptions.AccessError': 403,
  'werkzeug.exceptions.NotFound': 404,
  'odoo.exceptions.MissingError': 404,
  'odoo.exceptions.UserError': 422,
  'odoo.exceptions.ValidationError': 422,
  'builtins.ValueError': 422,
  'builtins.TypeError': 422,
};

function call(instance: OdooInstance, request: Json2Request): unknown {
  if (request.database !== undefined && request.database !== instance.config.database) {
    throw new OdooFault('werkzeug.exceptions.NotFound', `Database ${request.database} not found.`);
  }
  const match = /^bearer\s+(.+)$/i.exec(request.authorization ?? '');
  const uid = match?.[1] ? instance.userForApiKey(match[1].trim()) : undefined;
  if (uid === undefined) throw new OdooFault('werkzeug.exceptions.Unauthorized', 'Invalid apikey');
  const body =
    request.body && typeof request.body === 'object' && !Array.isArray(request.body)
      ? (request.body as Record<string, unknown>)
      : {};
  const { ids, ...kwargs } = body;
  return instance.run(uid, {
    model: request.model,
    method: request.method,
    args: [],
    kwargs,
    ids: Array.isArray(ids) ? (ids as number[]) : [],
  });
}

/** POST /json/2/<model>/<method>: named arguments in, the bare result (or an error object) out. */
export function handleJson2(
  instance: OdooInstance,
  request: Json2Request,
): { status: number; body: unknown } {
  try {
    return { status: 200, body: call(instance, request) ?? null };
  } catch (error) {
    const fault = asFault(error);
    const payload = faultPayload(fault);
    if (fault.pyName === 'werkzeug.exceptions.Unauthorized')
      payload.arguments = [fault.message, 401] as never;
    return { status: STATUS[fault.pyName] ?? 500, body: payload };
  }
}
