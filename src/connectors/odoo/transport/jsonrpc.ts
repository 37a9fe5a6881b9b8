import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { OdooSettings } from '../odoo.settings.ts';
import { classifyOdooError, httpStatusError, type CallInfo } from './errors.ts';
import { send, withRetry, type HttpOptions } from './http.ts';
import { READ_METHODS, type ExecuteOptions, type OdooTransport } from './types.ts';

const errorSchema = z.object({
  code: z.number().optional(),
  message: z.string().optional(),
  data: z.looseObject({ name: z.string(), message: z.string() }).optional(),
});
const envelopeSchema = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), error: errorSchema }),
  // A method returning None answers without `result`: read as null.
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), result: z.unknown().optional() }),
]);

let nextId = 1;

/** POST <url>/jsonrpc with `call` envelopes. Answers with HTTP 200 for application errors (`error.data.name`). */
export async function jsonRpc(
  url: string,
  service: string,
  method: string,
  args: unknown[],
  call: CallInfo,
  http: HttpOptions,
  idempotent: boolean,
): Promise<unknown> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    method: 'call',
    params: { service, method, args },
    id: nextId++,
  });
  return withRetry(
    async () => {
      const answer = await send(
        `${url}/jsonrpc`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body },
        call,
        http,
      );
      if (answer.status !== 200) throw httpStatusError(answer.status, call, answer.text);
      let json: unknown;
      try {
        json = JSON.parse(answer.text);
      } catch {
        throw httpStatusError(404, call, answer.text);
      }
      const parsed = envelopeSchema.safeParse(json);
      if (!parsed.success) {
        throw new AppError(
          'config',
          'odoo.not_odoo',
          `The answer at ${url}/jsonrpc is not Odoo's JSON-RPC: check the URL.`,
          { details: { url } },
        );
      }
      if ('error' in parsed.data) {
        const { data, message } = parsed.data.error;
        throw classifyOdooError(data ?? { name: 'unknown', message: message ?? 'Odoo error' }, call);
      }
      return parsed.data.result ?? null;
    },
    idempotent,
    http,
  );
}

export class JsonRpcTransport implements OdooTransport {
  readonly kind = 'jsonrpc' as const;
  private uid: Promise<number> | undefined;
  private readonly settings: OdooSettings;

  /** `uid`: the user id an earlier sign-in with these settings answered (session-memory.ts); no sign-in then. */
  constructor(settings: OdooSettings, uid?: number) {
    this.settings = settings;
    if (uid !== undefined) this.uid = Promise.resolve(uid);
  }

  private get http(): HttpOptions {
    return this.settings;
  }

  authenticate(): Promise<number> {
    this.uid ??= this.login().catch((error: unknown) => {
      this.uid = undefined;
      throw error;
    });
    return this.uid;
  }

  private async login(): Promise<number> {
    const { url, database, login, secret } = this.settings;
    const call = { url, method: 'common.authenticate' };
    const uid = await jsonRpc(
      url,
      'common',
      'authenticate',
      [database, login, secret, {}],
      call,
      this.http,
      true,
    );
    if (typeof uid !== 'number' || uid <= 0) {
      throw classifyOdooError(
        { name: 'odoo.exceptions.AccessDenied', message: 'authenticate returned false' },
        call,
      );
    }
    return uid;
  }

  async execute(model: string, method: string, options: ExecuteOptions = {}): Promise<unknown> {
    const uid = await this.authenticate();
    const { url, database, secret } = this.settings;
    const args = [...(options.ids ? [options.ids] : []), ...(options.args ?? [])];
    const payload = [database, uid, secret, model, method, args, options.kwargs ?? {}];
    try {
      return await jsonRpc(
        url,
        'object',
        'execute_kw',
        payload,
        { url, model, method },
        this.http,
        READ_METHODS.has(method),
      );
    } catch (error) {
      // A revoked key: forget the uid so the next call signs in again (and reports auth_failed if still wrong).
      if (error instanceof AppError && error.code === 'odoo.auth_failed') this.uid = undefined;
      throw error;
    }
  }
}
