import { accessDenied, accessError, unknownDatabase } from './errors.ts';
import { watchAutomations } from './models/base-automation-webhooks.ts';
import { buildModels } from './models/index.ts';
import type { Env, SandboxVersion } from './models/types.ts';
import { invoke, type Invocation } from './orm/methods.ts';
import { seedDefaults } from './seed.ts';
import { Store } from './store.ts';

export interface InstanceConfig {
  version: SandboxVersion;
  database: string;
  /** What `db.list` shows; the recorded server also had an empty `odoo17_clean`. */
  listedDatabases: string[];
  login: string;
  password: string;
  apiKey: string;
  now: () => Date;
}

const READ_ONLY = new Set(['search', 'search_read', 'read', 'search_count', 'fields_get', 'context_get']);

export const formatDatetime = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

/** One Odoo server with one database: authentication, environments and transactions around model calls. */
export class OdooInstance {
  readonly config: InstanceConfig;
  store: Store;

  constructor(config: InstanceConfig) {
    this.config = config;
    this.store = this.freshStore();
  }

  private freshStore(): Store {
    const store = new Store(this.config.version, buildModels(this.config.version));
    const c = this.config;
    seedDefaults(store, formatDatetime(c.now()), c.password, c.apiKey, c.login);
    return store;
  }

  reset(): void {
    this.store = this.freshStore();
  }

  env(uid: number, context: Record<string, unknown> = {}): Env {
    const make = (ctx: Record<string, unknown>): Env => ({
      uid,
      context: ctx,
      version: this.config.version,
      db: this.store,
      now: () => formatDatetime(this.config.now()),
      withContext: (extra) => make({ ...ctx, ...extra }),
    });
    return make(context);
  }

  requireDatabase(db: unknown): void {
    if (db !== this.config.database) throw unknownDatabase(String(db));
  }

  /** `common.authenticate`: a uid, or false for a wrong login or secret (not an error, as recorded). */
  authenticate(db: unknown, login: unknown, secret: unknown): number | false {
    this.requireDatabase(db);
    const user = this.store.all('res.users').find((u) => u.login === login && u.active !== false);
    return user && this.secretMatches(user.id, secret) ? user.id : false;
  }

  secretMatches(uid: number, secret: unknown): boolean {
    const user = this.store.get('res.users', uid);
    if (!user || user.active === false || typeof secret !== 'string' || secret === '') return false;
    const keys = Array.isArray(user.api_keys) ? (user.api_keys as string[]) : [];
    return user.password === secret || keys.includes(secret);
  }

  userForApiKey(key: string): number | undefined {
    return this.store
      .all('res.users')
      .find((u) => u.active !== false && Array.isArray(u.api_keys) && (u.api_keys as string[]).includes(key))
      ?.id;
  }

  execute(db: unknown, uid: unknown, secret: unknown, call: Invocation): unknown {
    this.requireDatabase(db);
    if (typeof uid !== 'number' || !this.secretMatches(uid, secret)) throw accessDenied();
    return this.run(uid, call);
  }

  run(uid: number, call: Invocation): unknown {
    if (call.method.startsWith('_')) {
      throw accessError(`Private methods (such as ${call.method}) cannot be called remotely.`);
    }
    if (READ_ONLY.has(call.method)) return invoke(this.env(uid), call);
    const store = this.store;
    // Automation rules (base_automation) post their webhooks once the call's changes are committed.
    const automations = watchAutomations(store);
    store.begin();
    try {
      const result = invoke(this.env(uid), call);
      store.commit();
      automations?.fire(this.env(uid));
      return result;
    } catch (error) {
      store.rollback();
      throw error;
    }
  }
}
