import { debugText, OdooFault } from './errors.ts';
import type { OdooInstance } from './instance.ts';

export function versionInfo(version: number) {
  return {
    server_version: `${version}.0`,
    server_version_info: [version, 0, 0, 'final', 0, ''],
    server_serie: `${version}.0`,
    protocol_version: 1,
  };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function dispatch(instance: OdooInstance, service: unknown, method: unknown, args: unknown[]): unknown {
  const key = `${String(service)}.${String(method)}`;
  switch (key) {
    case 'common.version':
      return versionInfo(instance.config.version);
    case 'common.login':
    case 'common.authenticate':
      return instance.authenticate(args[0], args[1], args[2]);
    case 'db.list':
      return instance.config.listedDatabases;
    case 'db.server_version':
      return `${instance.config.version}.0`;
    case 'object.execute_kw': {
      const [db, uid, secret, model, name, positional, kwargs] = args;
      return instance.execute(db, uid, secret, {
        model: String(model),
        method: String(name),
        args: list(positional),
        kwargs: record(kwargs),
      });
    }
    case 'object.execute': {
      const [db, uid, secret, model, name, ...rest] = args;
      return instance.execute(db, uid, secret, {
        model: String(model),
        method: String(name),
        args: rest,
        kwargs: {},
      });
    }
    default:
      throw new OdooFault('builtins.NameError', `Method not available ${String(method)}`);
  }
}

export function faultPayload(fault: OdooFault) {
  return {
    name: fault.pyName,
    debug: debugText(fault),
    message: fault.message,
    arguments: [fault.message],
    context: {},
  };
}

export function asFault(error: unknown): OdooFault {
  if (error instanceof OdooFault) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooFault('builtins.Exception', `Sandbox failure: ${message}`, 500);
}

/** One JSON-RPC 2.0 call at /jsonrpc. A method returning None gets no `result` key at all (as recorded). */
export function handleJsonRpc(instance: OdooInstance, body: unknown): Record<string, unknown> {
  const request = record(body);
  const params = record(request.params);
  const id = request.id ?? null;
  try {
    const result = dispatch(instance, params.service, params.method, list(params.args));
    return result === null || result === undefined ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result };
  } catch (error) {
    const fault = asFault(error);
    return {
      jsonrpc: '2.0',
      id,
      error: { code: 200, message: 'Odoo Server Error', data: faultPayload(fault) },
    };
  }
}
