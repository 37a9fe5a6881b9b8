import type { Kysely, Selectable, Updateable } from 'kysely';
import { erpConnector } from '../connectors/index.ts';
import { AppError } from '../core/errors.ts';
import type { ErpConnectionCheck, ErpCredentials, ErpSession } from '../core/ports/erp.port.ts';
import type { CallRecord } from '../core/ports/marketplace.port.ts';
import type { SessionMemory } from '../core/session-memory.ts';
import { parseInput } from '../core/validation.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { ERP_SECRET_CONTEXT as SECRET_CONTEXT } from '../secrets/stored-secrets.ts';
import type { DB, ErpConnectionsTable } from '../store/schema.ts';
import {
  connectErpSchema,
  patchErpSchema,
  updateErpKeySchema,
  type ConnectErpInput,
  type PatchErpInput,
  type UpdateErpKeyInput,
} from './erp-input.ts';
import { erpSettingsSchema, readErpSettings, type ErpSettings } from './erp-settings.ts';
import { ERP_STATUS_MESSAGES, toErpView, type ErpView } from './erp-view.ts';

type ErpRow = Selectable<ErpConnectionsTable>;

/**
 * The ERP connection: proven (sign-in, version, warehouses, carriers) before it is stored, its key encrypted.
 * One ERP per instance; the HTTP API and the CLI both use this.
 */
export class ErpService {
  constructor(private readonly deps: { db: Kysely<DB>; secrets: SecretBox; logger: Logger }) {}

  async get(): Promise<ErpView | null> {
    const row = await this.find();
    return row ? toErpView(row) : null;
  }

  async connect(input: ConnectErpInput): Promise<ErpView> {
    const data = parseInput(connectErpSchema, input, 'The ERP connection');
    if (await this.find()) {
      throw new AppError(
        'conflict',
        'erp.already_connected',
        'An ERP is already connected. Disconnect it first, or update its API key.',
      );
    }
    const credentials: ErpCredentials = {
      url: data.url,
      database: data.database,
      login: data.login,
      secret: data.apiKey,
      transport: data.transport,
    };
    const check = await erpConnector(data.type).verifyConnection(credentials);
    try {
      const row = await this.deps.db
        .insertInto('erp_connections')
        .values({
          type: data.type,
          url: data.url,
          database_name: data.database,
          login: data.login,
          transport: data.transport,
          ...this.encryptSecret(data.apiKey),
          ...checkColumns(check),
          settings: JSON.stringify(erpSettingsSchema.parse({ warehouseId: check.warehouses[0]?.id ?? null })),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      this.deps.logger.info({ type: data.type, version: check.serverVersion }, 'ERP connected');
      return toErpView(row);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new AppError(
          'conflict',
          'erp.already_connected',
          'An ERP was connected meanwhile. Reload the page.',
        );
      }
      throw error;
    }
  }

  /** A new API key (or login) is proven first, then replaces the stored one. */
  async updateKey(input: UpdateErpKeyInput): Promise<ErpView> {
    const current = await this.require();
    const data = parseInput(updateErpKeySchema, input, 'The new key');
    const credentials = {
      ...this.credentials(current),
      secret: data.apiKey,
      ...(data.login && { login: data.login }),
      ...(data.transport && { transport: data.transport }),
    };
    const check = await erpConnector(current.type).verifyConnection(credentials);
    return toErpView(
      await this.update({
        login: credentials.login,
        transport: credentials.transport ?? current.transport,
        ...this.encryptSecret(data.apiKey),
        ...checkColumns(check),
      }),
    );
  }

  async verify(): Promise<ErpView> {
    const current = await this.require();
    try {
      const check = await erpConnector(current.type).verifyConnection(this.credentials(current));
      return toErpView(await this.update(checkColumns(check)));
    } catch (error) {
      if (error instanceof AppError && error.code.endsWith('.auth_failed'))
        await this.markCredentialsInvalid();
      throw error;
    }
  }

  async markCredentialsInvalid(): Promise<void> {
    await this.update({
      status: 'credentials_invalid',
      status_message: ERP_STATUS_MESSAGES.credentials_invalid,
    });
    this.deps.logger.warn('ERP credentials rejected; syncing paused');
  }

  async patch(input: PatchErpInput): Promise<ErpView> {
    const current = await this.require();
    const data = parseInput(patchErpSchema, input, 'The change');
    const settings = erpSettingsSchema.parse({ ...readErpSettings(current.settings), ...data.settings });
    const warehouses = current.warehouses as { id: string }[];
    if (settings.warehouseId !== null && !warehouses.some((w) => w.id === settings.warehouseId)) {
      throw new AppError(
        'input',
        'erp.unknown_warehouse',
        `The ERP has no warehouse ${settings.warehouseId}.`,
        {
          fields: [
            {
              field: 'settings.warehouseId',
              message: `Choose one of: ${warehouses.map((w) => w.id).join(', ')}.`,
            },
          ],
        },
      );
    }
    const before = readErpSettings(current.settings);
    const view = toErpView(await this.update({ settings: JSON.stringify(settings) }));
    if (scopeChanged(before, settings)) {
      // Products or stock now come from a different scope: every account's catalog and stock steps read every
      // product again (~200 calls each at 100,000 SKUs), products now out of scope come back inactive, and
      // their offers come down.
      await this.deps.db.deleteFrom('sync_cursors').where('step', 'in', ['catalog', 'stock']).execute();
      this.deps.logger.info('ERP scope changed; catalog and stock are read again from the start');
    }
    return view;
  }

  async disconnect(): Promise<void> {
    await this.require();
    await this.deps.db.deleteFrom('erp_connections').execute();
    this.deps.logger.info('ERP disconnected');
  }

  /**
   * The connection as the sync needs it, from one read: its view (status, settings) and a session for the
   * sync; undefined when no ERP is connected. The session signs in on first use.
   */
  async openSession(
    options: { onCall?: (call: CallRecord) => void; memory?: SessionMemory } = {},
  ): Promise<{ view: ErpView; session: ErpSession } | undefined> {
    const row = await this.find();
    if (!row) return undefined;
    const view = toErpView(row);
    const scope = {
      productTypes: view.settings.productTypes,
      warehouseId: view.settings.warehouseId,
      stockLocationIds: view.settings.stockLocationIds,
    };
    return { view, session: erpConnector(row.type).open(this.credentials(row), { ...options, scope }) };
  }

  /** The connection's id, type and keys, for installing and removing push rules (src/push); never shown. */
  async pushTarget(): Promise<{ id: string; type: string; credentials: ErpCredentials } | undefined> {
    const row = await this.find();
    return row && { id: row.id, type: row.type, credentials: this.credentials(row) };
  }

  private credentials(row: ErpRow): ErpCredentials {
    return {
      url: row.url,
      database: row.database_name,
      login: row.login,
      secret: this.deps.secrets.decrypt(row.secret_encrypted, SECRET_CONTEXT),
      transport: row.transport,
    };
  }

  private encryptSecret(secret: string) {
    return {
      secret_encrypted: this.deps.secrets.encrypt(secret, SECRET_CONTEXT),
      // Odoo's API keys are 40 characters; the last four of a short password would give most of it away.
      secret_last4: secret.length >= 16 ? secret.slice(-4) : '',
    };
  }

  private find(): Promise<ErpRow | undefined> {
    return this.deps.db.selectFrom('erp_connections').selectAll().executeTakeFirst();
  }

  private async require(): Promise<ErpRow> {
    const row = await this.find();
    if (!row)
      throw new AppError(
        'not_found',
        'erp.not_connected',
        'No ERP is connected yet. Connect Odoo on the ERP page first.',
      );
    return row;
  }

  private async update(values: Updateable<ErpConnectionsTable>): Promise<ErpRow> {
    const row = await this.deps.db
      .updateTable('erp_connections')
      .set({ ...values, updated_at: new Date() })
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'erp.not_connected', 'The ERP was disconnected meanwhile.');
    return row;
  }
}

function checkColumns(check: ErpConnectionCheck) {
  return {
    server_version: check.serverVersion,
    detected_transport: check.transport,
    warehouses: JSON.stringify(check.warehouses),
    carriers: JSON.stringify(check.carriers),
    status: 'connected' as const,
    status_message: null,
    last_verified_at: new Date(),
  };
}

function scopeChanged(before: ErpSettings, after: ErpSettings): boolean {
  const key = (s: ErpSettings) =>
    JSON.stringify([[...s.productTypes].sort(), s.warehouseId, [...(s.stockLocationIds ?? [])].sort()]);
  return key(before) !== key(after);
}
