import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { OdooSettings } from '../odoo.settings.ts';
import { classifyOdooError, httpStatusError } from './errors.ts';
import { send, withRetry } from './http.ts';
import { READ_METHODS, type ExecuteOptions, type OdooTransport } from './types.ts';

const errorSchema = z.looseObject({ name: z.string(), message: z.string() });

/** JSON-2 takes named arguments only: the names of the positional ones the client uses. */
const POSITIONAL: Record<string, string[]> = {
  create: ['vals_list'],
  write: ['vals'],
  read: ['fields'],
  search: ['domain'],
  search_read: ['domain'],
  search_count: ['domain'],
  fields_get: ['allfields'],
};

/** POST <url>/json/2/<model>/<method>, `Authorization: bearer <api key>` (Odoo 19+): no uid or password per call. */
export class Json2Transport implements OdooTransport {
  readonly kind = 'json2' as const;
  private uid: Promise<number> | undefined;
  private readonly settings: OdooSettings;

  /** `uid`: the user id an earlier sign-in with these settings answered (session-memory.ts); no sign-in then. */
  constructor(settings: OdooSettings, uid?: number) {
    this.settings = settings;
    if (uid !== undefined) this.uid = Promise.resolve(uid);
  }

  authenticate(): Promise<number> {
    this.uid ??= this.whoAmI().catch((error: unknown) => {
      this.uid = undefined;
      throw error;
    });
    return this.uid;
  }

  private async whoAmI(): Promise<number> {
    try {
      const context = await this.post('res.users', 'context_get', {});
      const uid = (context as { uid?: unknown } | null)?.uid;
      if (typeof uid === 'number') return uid;
      // Not every version puts the uid in the user context: the key's owner is the user with this login.
      const ids = await this.post('res.users', 'search', {
        domain: [['login', '=', this.settings.login]],
        limit: 1,
      });
      return Array.isArray(ids) && typeof ids[0] === 'number' ? ids[0] : 0;
    } catch (error) {
      // res.users exists in every database: "not found" here means the database does not. The real 19.0 answers
      // an unknown X-Odoo-Database with werkzeug's HTML 404 ("No database is selected"), which reads as not_odoo,
      // although /web/version has just said this is Odoo.
      if (error instanceof AppError && (error.code === 'odoo.not_found' || error.code === 'odoo.not_odoo')) {
        throw new AppError(
          'config',
          'odoo.unknown_database',
          'That database does not exist on this Odoo server: check the database name.',
          {
            cause: error,
            details: error.details,
          },
        );
      }
      throw error;
    }
  }

  async execute(model: string, method: string, options: ExecuteOptions = {}): Promise<unknown> {
    await this.authenticate();
    const names = POSITIONAL[method] ?? [];
    const body: Record<string, unknown> = { ...options.kwargs };
    (options.args ?? []).forEach((value, index) => {
      const name = names[index];
      if (!name)
        throw new AppError(
          'bug',
          'odoo.positional_args',
          `JSON-2 needs named arguments for ${model}.${method}.`,
        );
      body[name] = value;
    });
    if (options.ids) body.ids = options.ids;
    return this.post(model, method, body);
  }

  private post(model: string, method: string, body: Record<string, unknown>): Promise<unknown> {
    const { url, database, secret } = this.settings;
    const call = { url, model, method };
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      authorization: `bearer ${secret}`,
      'x-odoo-database': database,
      'user-agent': 'AdlerDo',
    };
    const target = `${url}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`;
    return withRetry(
      async () => {
        const answer = await send(
          target,
          { method: 'POST', headers, body: JSON.stringify(body) },
          call,
          this.settings,
        );
        let json: unknown;
        try {
          json = answer.text === '' ? null : JSON.parse(answer.text);
        } catch {
          throw httpStatusError(answer.status === 200 ? 404 : answer.status, call, answer.text);
        }
        if (answer.status === 200) return json;
        const error = errorSchema.safeParse(json);
        if (error.success) throw classifyOdooError(error.data, call);
        throw httpStatusError(answer.status, call, answer.text);
      },
      READ_METHODS.has(method),
      this.settings,
    );
  }
}
