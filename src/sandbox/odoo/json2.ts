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
  // A bad domain field (builtins.ValueError) is a 500 on the real 19.0 (recorded): not in this table.
};

/** The JSON-2 dispatcher looks up the model and the method before calling: both answer werkzeug's 404 (recorded). */
function notFound(fault: OdooFault, request: Json2Request): OdooFault {
  if (fault.pyName === 'odoo.exceptions.UserError' && /^Object \S+ doesn't exist$/.test(fault.message))
    return new OdooFault('werkzeug.exceptions.NotFound', `the model '${request.model}' does not exist`);
  if (
    fault.pyName === 'builtins.AttributeError' &&
    /^The method '[^']+' does not exist on the model/.test(fault.message)
  )
    return new OdooFault(
      'werkzeug.exceptions.NotFound',
      `The method '${request.model}.${request.method}' does not exist`,
    );
  return fault;
}

/**
 * What the real 19.0 answers when X-Odoo-Database names a database it does not have: werkzeug's HTML 404, not a
 * JSON error (no database, so not the /json/2 dispatcher).
 */
const NO_DATABASE_HTML = `<!DOCTYPE html>
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>
<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>

<!-- Alternatively, use the X-Odoo-Database header. -->
`;

function call(instance: OdooInstance, request: Json2Request): unknown {
  const match = /^bearer\s+(.+)$/i.exec(request.authorization ?? '');
  const uid = match?.[1] ? instance.userForApiKey(match[1].trim()) : undefined;
  if (uid === undefined) throw new OdooFault('werkzeug.exceptions.Unauthorized', 'Invalid apikey');
  const body =
    request.body && typeof request.body === 'object' && !Array.isArray(request.body)
      ? (request.body as Record<string, unknown>)
      : {};
  const { ids, ...kwargs } = body;
  const result = instance.run(uid, {
    model: request.model,
    method: request.method,
    args: [],
    kwargs,
    ids: Array.isArray(ids) ? (ids as number[]) : [],
  });
  // JSON-2 sends back the created recordset: a list of ids even for one dict (checked on the real 19.0), where
  // JSON-RPC answers one id.
  return request.method === 'create' && typeof result === 'number' ? [result] : result;
}

/** POST /json/2/<model>/<method>: named arguments in, the bare result (or an error object) out. */
export function handleJson2(
  instance: OdooInstance,
  request: Json2Request,
): { status: number; body: unknown; contentType?: string } {
  if (request.database !== undefined && request.database !== instance.config.database) {
    return { status: 404, body: NO_DATABASE_HTML, contentType: 'text/html' };
  }
  try {
    return { status: 200, body: call(instance, request) ?? null };
  } catch (error) {
    const fault = notFound(asFault(error), request);
    const payload = faultPayload(fault);
    const status = STATUS[fault.pyName] ?? 500;
    // werkzeug's HTTP exceptions carry their status as a second argument.
    if (fault.pyName.startsWith('werkzeug.exceptions.')) payload.arguments = [fault.message, status] as never;
    return { status, body: payload };
  }
}
