import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import { marketplaceConnector } from '../connectors/index.ts';
import { credentialsRefused } from '../core/credentials-refused.ts';
import { AppError, type FieldError } from '../core/errors.ts';
import type { MarketplaceCredentials } from '../core/ports/marketplace.port.ts';
import { parseInput } from '../core/validation.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { accountSecretContext as secretContext } from '../secrets/stored-secrets.ts';
import type { DB, MarketplaceAccountsTable } from '../store/schema.ts';
import {
  addAccountSchema,
  patchAccountSchema,
  updateCredentialsSchema,
  type AddAccountInput,
  type PatchAccountInput,
  type UpdateCredentialsInput,
} from './account-input.ts';
import { applySettingsPatch, defaultSettings, readSettings } from './account-settings.ts';
import { STATUS_MESSAGES, toAccountView, type AccountView } from './account-view.ts';
import { assertKnownCarriers, changedCarrierCodes } from './carrier-check.ts';
import { zeroOfferAmounts } from './zero-offers.ts';

const CARRIER_CACHE_MS = 10 * 60_000;

type AccountRow = Selectable<MarketplaceAccountsTable>;

export interface AccountsDeps {
  db: Kysely<DB>;
  secrets: SecretBox;
  logger: Logger;
  /** Per account type, the API root for new accounts that name none (KAUFLAND_BASE_URL); else the connector's. */
  defaultBaseUrls?: Readonly<Record<string, string>>;
}

/**
 * Connecting marketplace accounts, as the guide describes: a key pair is proven with a signed call before
 * anything is stored, and replaced only by a pair that has been proven too. Used by the HTTP API and the CLI.
 */
export class AccountsService {
  /** GET /carriers per account, kept briefly: the list changes rarely and each settings save checks against it. */
  private readonly carrierCache = new Map<string, { at: number; codes: string[] }>();

  constructor(private readonly deps: AccountsDeps) {}

  /** The carrier codes the account's marketplace accepts (its own list), for the pickers and the save check. */
  async carrierCodes(idOrName: string): Promise<string[]> {
    const current = await this.row(idOrName);
    const cached = this.carrierCache.get(current.id);
    if (cached && Date.now() - cached.at < CARRIER_CACHE_MS) return cached.codes;
    const session = marketplaceConnector(current.type).openSession(this.credentials(current));
    const codes = await session.listCarriers();
    this.carrierCache.set(current.id, { at: Date.now(), codes });
    return codes;
  }

  async list(): Promise<AccountView[]> {
    const rows = await this.deps.db
      .selectFrom('marketplace_accounts')
      .selectAll()
      .orderBy('created_at')
      .execute();
    return rows.map(toAccountView);
  }

  async get(idOrName: string): Promise<AccountView> {
    return toAccountView(await this.row(idOrName));
  }

  /** The API root a new account of this type gets when none is given (shown by GET /api/account-types). */
  defaultBaseUrl(type: string): string {
    return this.deps.defaultBaseUrls?.[type] ?? marketplaceConnector(type).defaultBaseUrl;
  }

  async add(input: AddAccountInput): Promise<AccountView> {
    const data = parseInput(addAccountSchema, input, 'The account');
    const connector = marketplaceConnector(data.type);
    const credentials = {
      baseUrl: data.baseUrl ?? this.defaultBaseUrl(data.type),
      clientId: data.clientId,
      clientSecret: data.clientSecret,
    };
    this.checkShape(data.type, credentials);
    await this.assertNameFree(data.name);
    const check = await connector.verifyCredentials(credentials);
    const id = randomUUID();
    try {
      const row = await this.deps.db
        .insertInto('marketplace_accounts')
        .values({
          id,
          name: data.name,
          type: data.type,
          base_url: credentials.baseUrl,
          ...this.encryptCredentials(id, credentials),
          status: 'connected',
          storefronts: check.storefronts,
          settings: JSON.stringify(defaultSettings()),
          last_verified_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      this.deps.logger.info({ accountId: id, type: data.type }, 'account connected');
      return toAccountView(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(data.name);
      throw error;
    }
  }

  /** The reconnect after keys were regenerated: the new pair is proven first, then replaces the old one. */
  async updateCredentials(idOrName: string, input: UpdateCredentialsInput): Promise<AccountView> {
    const current = await this.row(idOrName);
    const data = parseInput(updateCredentialsSchema, input, 'The new keys');
    const credentials = {
      baseUrl: data.baseUrl ?? current.base_url,
      clientId: data.clientId,
      clientSecret: data.clientSecret,
    };
    this.checkShape(current.type, credentials);
    const check = await this.proveNewPair(current, credentials);
    const row = await this.update(current.id, {
      base_url: credentials.baseUrl,
      ...this.encryptCredentials(current.id, credentials),
      credentials_updated_at: new Date(),
      status: 'connected',
      status_message: null,
      storefronts: check.storefronts,
      last_verified_at: new Date(),
    });
    this.deps.logger.info({ accountId: current.id }, 'account keys replaced');
    return toAccountView(row);
  }

  /**
   * A refused new pair is usually a sign that the stored one was regenerated too: the stored pair is checked
   * once more, so the badge shows what Kaufland says now instead of a "Connected" from an older check.
   */
  private async proveNewPair(current: AccountRow, credentials: MarketplaceCredentials) {
    try {
      return await marketplaceConnector(current.type).verifyCredentials(credentials);
    } catch (error) {
      if (credentialsRefused(error)) await this.verify(current.id).catch(() => undefined);
      throw error;
    }
  }

  /** Re-checks the stored pair. A rejected pair marks the account "Credentials invalid" (and pauses its sync). */
  async verify(idOrName: string): Promise<AccountView> {
    const current = await this.row(idOrName);
    // Decrypted outside the try: a key AdlerDo cannot read locally is not a refusal by the marketplace.
    const credentials = this.credentials(current);
    try {
      const check = await marketplaceConnector(current.type).verifyCredentials(credentials);
      return toAccountView(
        await this.update(current.id, {
          status: 'connected',
          status_message: null,
          storefronts: check.storefronts,
          last_verified_at: new Date(),
        }),
      );
    } catch (error) {
      if (credentialsRefused(error)) await this.markCredentialsInvalid(current.id);
      throw error;
    }
  }

  /** Called by anything that got a 401 with the stored pair. */
  async markCredentialsInvalid(id: string): Promise<void> {
    await this.update(id, {
      status: 'credentials_invalid',
      status_message: STATUS_MESSAGES.credentials_invalid,
    });
    this.deps.logger.warn({ accountId: id }, 'account credentials rejected; syncing paused');
  }

  async patch(idOrName: string, input: PatchAccountInput): Promise<AccountView> {
    const current = await this.row(idOrName);
    const data = parseInput(patchAccountSchema, input, 'The change');
    if (data.name !== undefined && data.name.toLowerCase() !== current.name.toLowerCase())
      await this.assertNameFree(data.name);
    const settings = data.settings
      ? applySettingsPatch(readSettings(current.settings), data.settings)
      : undefined;
    const stored = readSettings(current.settings);
    if (changedCarrierCodes(stored, data.settings))
      assertKnownCarriers(stored, data.settings, await this.carrierCodes(current.id));
    if (settings?.storefronts) {
      const unknown = settings.storefronts.filter((s) => !current.storefronts.includes(s));
      if (unknown.length > 0) {
        throw new AppError(
          'input',
          'account.unknown_storefront',
          `This account has no storefront ${unknown.join(', ')}.`,
          {
            fields: [
              { field: 'settings.storefronts', message: `Choose from: ${current.storefronts.join(', ')}.` },
            ],
          },
        );
      }
    }
    // A new API root is proven with the stored keys before it is saved: otherwise anyone with a session could
    // point this account's signed calls at a host of theirs. Refused or unreachable → nothing is saved.
    const moved = data.baseUrl !== undefined && data.baseUrl !== current.base_url;
    const check = moved && data.baseUrl ? await this.proveAt(current, data.baseUrl) : undefined;
    try {
      return toAccountView(
        await this.update(current.id, {
          ...(data.name !== undefined && { name: data.name }),
          ...(check && {
            base_url: data.baseUrl,
            status: 'connected' as const,
            status_message: null,
            storefronts: check.storefronts,
            last_verified_at: new Date(),
          }),
          ...(settings && { settings: JSON.stringify(settings) }),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error) && data.name) throw nameTaken(data.name);
      throw error;
    }
  }

  /** `zeroOffers`: first set the amount of every live offer to 0 (else they stay live at their last amount). */
  async remove(idOrName: string, options: { zeroOffers?: boolean } = {}): Promise<void> {
    const current = await this.row(idOrName);
    if (options.zeroOffers) {
      const session = marketplaceConnector(current.type).openSession(this.credentials(current));
      const zeroed = await zeroOfferAmounts(session, current.storefronts);
      this.deps.logger.info({ accountId: current.id, zeroed }, 'offer amounts set to 0 before removal');
    }
    await this.deps.db.deleteFrom('marketplace_accounts').where('id', '=', current.id).execute();
    this.deps.logger.info({ accountId: current.id }, 'account removed');
  }

  private async proveAt(current: AccountRow, baseUrl: string) {
    const credentials = { ...this.credentials(current), baseUrl };
    this.checkShape(current.type, credentials);
    try {
      return await marketplaceConnector(current.type).verifyCredentials(credentials);
    } catch (error) {
      if (!credentialsRefused(error)) throw error;
      // The keys may well be fine at the old address: say that the new one refused them, change nothing.
      throw new AppError(
        'config',
        'account.base_url_refused',
        `The API at ${baseUrl} did not accept this account's keys, so the address was not changed. Check the ` +
          'address; to change the keys and the address together, use Update keys.',
        {
          cause: error,
          fields: [{ field: 'baseUrl', message: 'The stored keys do not work at this address.' }],
        },
      );
    }
  }

  /** Decrypted credentials, for connectors only. Never hand these to a view, a log or an error. */
  async credentialsOf(id: string): Promise<MarketplaceCredentials> {
    return this.credentials(await this.row(id));
  }

  private credentials(row: AccountRow): MarketplaceCredentials {
    return {
      baseUrl: row.base_url,
      clientId: this.deps.secrets.decrypt(row.client_id_encrypted, secretContext(row.id, 'client_id')),
      clientSecret: this.deps.secrets.decrypt(
        row.client_secret_encrypted,
        secretContext(row.id, 'client_secret'),
      ),
    };
  }

  private encryptCredentials(id: string, credentials: MarketplaceCredentials) {
    return {
      client_id_encrypted: this.deps.secrets.encrypt(credentials.clientId, secretContext(id, 'client_id')),
      client_id_last4: credentials.clientId.slice(-4),
      client_secret_encrypted: this.deps.secrets.encrypt(
        credentials.clientSecret,
        secretContext(id, 'client_secret'),
      ),
    };
  }

  private checkShape(type: string, credentials: MarketplaceCredentials): void {
    const problems: FieldError[] = marketplaceConnector(type).validateCredentialShape(credentials);
    if (problems.length > 0) {
      throw new AppError('input', 'account.malformed_keys', problems.map((p) => p.message).join(' '), {
        fields: problems,
      });
    }
  }

  private async assertNameFree(name: string): Promise<void> {
    const taken = await this.deps.db
      .selectFrom('marketplace_accounts')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw nameTaken(name);
  }

  private async row(idOrName: string): Promise<AccountRow> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
    const row = await this.deps.db
      .selectFrom('marketplace_accounts')
      .selectAll()
      .where((eb) =>
        isUuid ? eb('id', '=', idOrName) : eb(eb.fn('lower', ['name']), '=', idOrName.toLowerCase()),
      )
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'account.not_found', `No account "${idOrName}" exists.`);
    return row;
  }

  private async update(id: string, values: Updateable<MarketplaceAccountsTable>): Promise<AccountRow> {
    const row = await this.deps.db
      .updateTable('marketplace_accounts')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'account.not_found', 'The account was removed meanwhile.');
    return row;
  }
}

function nameTaken(name: string): AppError {
  return new AppError(
    'conflict',
    'account.name_taken',
    `An account named "${name}" already exists. Choose another name.`,
    {
      fields: [{ field: 'name', message: 'This name is already used by another account.' }],
    },
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
