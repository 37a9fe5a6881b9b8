import type { Kysely } from 'kysely';
import type { MarketplaceCredentials } from '../core/ports/marketplace.port.ts';
import type { DB } from '../store/schema.ts';
import type { PushEndpoint } from './endpoints.ts';

/** What one callback needs to know about its token, read in one query. */
export interface CallbackTarget {
  endpoint: PushEndpoint;
  /**
   * The marketplace account's type, and what changes with its keys (the row's updated_at and the stored secret's
   * ciphertext, which a master key rotation rewrites too); null for the ERP.
   */
  account: { id: string; type: string; version: string } | null;
  /** The ERP connection's type; null for a marketplace account. */
  erpType: string | null;
  /** Whether the hub holds any subscription it made for the account. */
  subscribed: boolean;
}

/**
 * The endpoint behind a token with its account or ERP connection and whether the hub made subscriptions for it:
 * one indexed query per callback instead of four, and still read from the database every time, so a token
 * retired by any process (the API, `adlerdo` on the command line, a removed account) is refused from the next
 * callback on. What may be kept in memory (the decrypted keys, the last "received" write) is in
 * CallbackMemory below.
 */
export async function findCallbackTarget(db: Kysely<DB>, token: string): Promise<CallbackTarget | undefined> {
  const row = await db
    .selectFrom('push_endpoints as e')
    .leftJoin('marketplace_accounts as a', 'a.id', 'e.account_id')
    .leftJoin('erp_connections as c', 'c.id', 'e.erp_connection_id')
    .selectAll('e')
    .select([
      'a.type as account_type',
      'a.updated_at as account_updated_at',
      'a.client_secret_encrypted as account_secret',
      'c.type as erp_type',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('push_subscriptions as s')
              .select('s.account_id')
              .whereRef('s.account_id', '=', 'e.account_id'),
          )
          .as('subscribed'),
    ])
    .where('e.token', '=', token)
    .executeTakeFirst();
  if (!row) return undefined;
  const { account_type, account_updated_at, account_secret, erp_type, subscribed, ...endpoint } = row;
  return {
    endpoint,
    account:
      endpoint.account_id && account_type && account_updated_at
        ? {
            id: endpoint.account_id,
            type: account_type,
            version: `${account_updated_at.getTime()}|${account_secret ?? ''}`,
          }
        : null,
    erpType: erp_type,
    subscribed: Boolean(subscribed),
  };
}

/** Decrypted keys kept per account; more accounts than this and the memory starts over. */
const MAX_KEYS = 256;
/** "Last received" is shown to the seller to the second; writing it once a second per endpoint is enough. */
const RECEIVED_EVERY_MS = 1_000;

/**
 * The part of a callback's checks that may be remembered between callbacks of one process: the account's
 * decrypted keys (for the signature), valid while the account row's version is the one they were read at
 * (new keys change it), and when "last received" was last written per endpoint. Authenticity is never
 * read from here: whether a token is live comes from findCallbackTarget on every callback.
 */
export class CallbackMemory {
  private readonly keys = new Map<string, { version: string; credentials: MarketplaceCredentials }>();
  private readonly received = new Map<string, number>();

  async credentials(
    account: NonNullable<CallbackTarget['account']>,
    read: (accountId: string) => Promise<MarketplaceCredentials>,
  ): Promise<MarketplaceCredentials> {
    const known = this.keys.get(account.id);
    if (known?.version === account.version) return known.credentials;
    const credentials = await read(account.id);
    if (this.keys.size >= MAX_KEYS) this.keys.clear();
    this.keys.set(account.id, { version: account.version, credentials });
    return credentials;
  }

  /**
   * Records that the endpoint was called, at most once a second per endpoint in this process: the first callback
   * of each second claims the write before it starts, so 50 arriving together cost one write, not 50.
   */
  async noteReceived(db: Kysely<DB>, token: string, nowMs = Date.now()): Promise<void> {
    if (nowMs - (this.received.get(token) ?? 0) < RECEIVED_EVERY_MS) return;
    if (this.received.size >= MAX_KEYS) this.received.clear();
    this.received.set(token, nowMs);
    await db
      .updateTable('push_endpoints')
      .set({ last_received_at: new Date(nowMs) })
      .where('token', '=', token)
      .execute();
  }
}
