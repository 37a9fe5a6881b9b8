import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';
import type { SecretBox } from './secret-box.ts';

/** The context an account's secret is bound to (AAD): a ciphertext copied to another row does not decrypt. */
export const accountSecretContext = (id: string, field: 'client_id' | 'client_secret') =>
  `account:${id}:${field}`;
/** One ERP connection per instance, so its key needs no row id in the context. */
export const ERP_SECRET_CONTEXT = 'erp:secret';
/** The alert secrets (SMTP password, webhook URL), one row each in alert_secrets. */
export const alertSecretContext = (id: string) => `alert:${id}`;

/**
 * Every column that holds a value encrypted with the master key. The start-up check and `adlerdo key rotate`
 * walk this list: a new encrypted column must be added here, or rotation would leave it under the old key.
 */
const ENCRYPTED_COLUMNS = [
  {
    table: 'marketplace_accounts',
    column: 'client_id_encrypted',
    context: (id: string) => accountSecretContext(id, 'client_id'),
  },
  {
    table: 'marketplace_accounts',
    column: 'client_secret_encrypted',
    context: (id: string) => accountSecretContext(id, 'client_secret'),
  },
  { table: 'erp_connections', column: 'secret_encrypted', context: () => ERP_SECRET_CONTEXT },
  { table: 'alert_secrets', column: 'value_encrypted', context: alertSecretContext },
] as const;

export interface StoredSecret {
  table: string;
  column: string;
  id: string;
  /** A name the operator recognises: the account's name, or "the ERP connection". */
  owner: string;
  context: string;
  ciphertext: string;
}

const OWNER: Record<string, string> = {
  marketplace_accounts: `'account "' || name || '"'`,
  erp_connections: `'the ERP connection'`,
  alert_secrets: `'the alert settings (' || name || ')'`,
};

/** All encrypted values (a few per account). `forUpdate` locks the rows for a rotation's transaction. */
export async function readStoredSecrets(
  db: Kysely<DB> | Transaction<DB>,
  options: { forUpdate?: boolean } = {},
): Promise<StoredSecret[]> {
  const out: StoredSecret[] = [];
  for (const spec of ENCRYPTED_COLUMNS) {
    const lock = options.forUpdate ? sql`for update` : sql``;
    const { rows } = await sql<{ id: string; owner: string; ciphertext: string }>`
      select id::text as id, ${sql.raw(OWNER[spec.table] ?? `'a stored key'`)} as owner,
             ${sql.ref(spec.column)} as ciphertext
      from ${sql.table(spec.table)} order by id ${lock}`.execute(db);
    for (const row of rows) {
      out.push({ table: spec.table, column: spec.column, context: spec.context(row.id), ...row });
    }
  }
  return out;
}

/** The stored values this key cannot open (an empty list: the key is the right one). */
export function unreadableBy(box: SecretBox, secrets: readonly StoredSecret[]): StoredSecret[] {
  return secrets.filter((secret) => !box.canDecrypt(secret.ciphertext, secret.context));
}

/**
 * What `adlerdo key reset --forget-stored-secrets` leaves behind when the key is lost for good: each owner asks
 * for its keys again (the "Credentials invalid" flow the seller already knows), and nothing shows the last four
 * characters of a key that is gone.
 */
export const LOST_KEYS_MESSAGE =
  'The stored keys were lost with the master key: enter them again (Update keys). Syncing resumes then.';
// Alert secrets need no status: an empty value reads as "not set" and the settings page asks for it again.
const FORGET: Record<'marketplace_accounts' | 'erp_connections', string> = {
  marketplace_accounts: "client_id_last4 = ''",
  erp_connections: "secret_last4 = ''",
};

/** Replaces every stored secret by an empty one under `box` and sends each owner back to "enter the keys". */
export async function forgetStoredSecrets(trx: Transaction<DB>, box: SecretBox): Promise<number> {
  const stored = await readStoredSecrets(trx, { forUpdate: true });
  for (const secret of stored) await writeStoredSecret(trx, secret, box.encrypt('', secret.context));
  for (const [table, clear] of Object.entries(FORGET)) {
    await sql`update ${sql.table(table)} set status = 'credentials_invalid', status_message = ${LOST_KEYS_MESSAGE},
              ${sql.raw(clear)}, updated_at = now()`.execute(trx);
  }
  return stored.length;
}

/** Writes one re-encrypted value back (inside the rotation's transaction). */
export async function writeStoredSecret(
  trx: Transaction<DB>,
  secret: StoredSecret,
  ciphertext: string,
): Promise<void> {
  await sql`update ${sql.table(secret.table)} set ${sql.ref(secret.column)} = ${ciphertext}
            where id = ${secret.id}::uuid`.execute(trx);
}
