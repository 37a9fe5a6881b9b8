import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { CodedMessage } from '../core/coded-message.ts';
import type { DB } from '../store/schema.ts';
import { pushDb, type PushEndpointsTable } from './push-tables.ts';

export type PushEndpoint = Selectable<PushEndpointsTable>;

/** 32 random bytes, base64url: 43 characters nobody guesses, safe in a URL path. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Where a marketplace account's or the ERP's callbacks go. The marketplace's path names the account type
 * (`/api/push/kaufland/<token>`), so a seller reading the URL at the marketplace knows what it is for.
 */
export function callbackUrl(
  publicUrl: string,
  endpoint: Pick<PushEndpoint, 'kind' | 'token'>,
  type: string,
): string {
  return `${publicUrl}/api/push/${endpoint.kind === 'erp' ? 'erp' : type}/${endpoint.token}`;
}

export async function accountEndpoint(db: Kysely<DB>, accountId: string): Promise<PushEndpoint> {
  const pdb = pushDb(db);
  await pdb
    .insertInto('push_endpoints')
    .values({ token: newToken(), kind: 'marketplace', account_id: accountId, erp_connection_id: null })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
  return pdb
    .selectFrom('push_endpoints')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
}

export async function erpEndpoint(db: Kysely<DB>, erpConnectionId: string): Promise<PushEndpoint> {
  const pdb = pushDb(db);
  await pdb
    .insertInto('push_endpoints')
    .values({ token: newToken(), kind: 'erp', account_id: null, erp_connection_id: erpConnectionId })
    .onConflict((oc) => oc.column('erp_connection_id').doNothing())
    .execute();
  return pdb
    .selectFrom('push_endpoints')
    .selectAll()
    .where('erp_connection_id', '=', erpConnectionId)
    .executeTakeFirstOrThrow();
}

export async function setEndpointState(
  db: Kysely<DB>,
  token: string,
  state: PushEndpoint['state'],
  note: CodedMessage | null,
  remoteIds?: readonly string[],
): Promise<void> {
  await pushDb(db)
    .updateTable('push_endpoints')
    .set({
      state,
      state_note: note && JSON.stringify(note),
      checked_at: new Date(),
      ...(remoteIds && { remote_ids: JSON.stringify(remoteIds) }),
    })
    .where('token', '=', token)
    .execute();
}
