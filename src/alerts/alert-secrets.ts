import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SecretBox } from '../secrets/secret-box.ts';
import { alertSecretContext } from '../secrets/stored-secrets.ts';
import type { AlertSecretsTable, DB } from '../store/schema.ts';

export type AlertSecretName = AlertSecretsTable['name'];

/**
 * The SMTP password and the webhook URL, encrypted with the instance key and bound to their row. An empty value
 * (what `adlerdo key reset --forget-stored-secrets` leaves) reads as not set.
 */
export async function readAlertSecret(
  db: Kysely<DB>,
  box: SecretBox,
  name: AlertSecretName,
): Promise<string | null> {
  const row = await db
    .selectFrom('alert_secrets')
    .select(['id', 'value_encrypted'])
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) return null;
  return box.decrypt(row.value_encrypted, alertSecretContext(row.id)) || null;
}

/** Stores `value` (null deletes it). The row keeps its id, the context the ciphertext is bound to. */
export async function writeAlertSecret(
  db: Kysely<DB>,
  box: SecretBox,
  name: AlertSecretName,
  value: string | null,
): Promise<void> {
  if (value === null) {
    await db.deleteFrom('alert_secrets').where('name', '=', name).execute();
    return;
  }
  const existing = await db
    .selectFrom('alert_secrets')
    .select('id')
    .where('name', '=', name)
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('alert_secrets')
      .set({ value_encrypted: box.encrypt(value, alertSecretContext(existing.id)), updated_at: new Date() })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  const id = randomUUID();
  await db
    .insertInto('alert_secrets')
    .values({ id, name, value_encrypted: box.encrypt(value, alertSecretContext(id)) })
    .execute();
}
