import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../core/errors.ts';
import type { DB } from '../store/schema.ts';
import { createKeyFile, NEW_KEY_FILE, OLD_KEY_FILE, type KeySource, type OpenedKey } from './master-key.ts';
import { SecretBox } from './secret-box.ts';
import { takeSecretsLockExclusively } from './secrets-lock.ts';
import { forgetStoredSecrets, readStoredSecrets, writeStoredSecret } from './stored-secrets.ts';

export interface RotateResult {
  reEncrypted: number;
  /** Where the new key is now. */
  keyFile: string;
  /** The previous key's file, when the key came from the data dir. */
  oldKeyFile?: string;
}

/**
 * Re-encrypts every stored secret under a new key, in one transaction: a crash or error at any point leaves every
 * secret under the old key or every secret under the new one, never a mix. The new key reaches the disk (fsync)
 * before the transaction starts, so the database never holds secrets whose key exists nowhere.
 * - key from the data dir: master.key.new → transaction → master.key becomes master.key.old, master.key.new
 *   becomes master.key. A crash between the commit and the renames is named at the next start.
 * - key from ADLERDO_MASTER_KEY: the new key goes to `newKeyFile` (which must not exist); the operator sets it.
 */
export async function rotateMasterKey(
  db: Kysely<DB>,
  current: OpenedKey,
  options: { dataDir: string; newKeyFile?: string },
): Promise<RotateResult> {
  return replaceKey(db, current.source, options, async (trx, next) => {
    const stored = await readStoredSecrets(trx, { forUpdate: true });
    for (const secret of stored) {
      const plaintext = current.box.decrypt(secret.ciphertext, secret.context);
      await writeStoredSecret(trx, secret, next.encrypt(plaintext, secret.context));
    }
    return stored.length;
  });
}

/**
 * The way out when the master key is lost for good: a new key, every stored secret replaced by an empty one, and
 * every account and the ERP back to "Credentials invalid" so the seller enters the keys again. Orders, offers,
 * cursors and settings stay. Same key-file handling as a rotation (the unusable key is kept as master.key.old).
 */
export async function forgetWithNewKey(
  db: Kysely<DB>,
  source: KeySource,
  options: { dataDir: string; newKeyFile?: string },
): Promise<RotateResult> {
  return replaceKey(db, source, options, (trx, next) => forgetStoredSecrets(trx, next));
}

async function replaceKey(
  db: Kysely<DB>,
  source: KeySource,
  options: { dataDir: string; newKeyFile?: string },
  rewrite: (trx: Transaction<DB>, next: SecretBox) => Promise<number>,
): Promise<RotateResult> {
  const fromEnv = source.kind === 'env';
  if (fromEnv && !options.newKeyFile) {
    throw new AppError(
      'input',
      'secrets.new_key_file_needed',
      'The master key comes from ADLERDO_MASTER_KEY, which AdlerDo cannot change: give --new-key-file <path> ' +
        '(a file that does not exist yet) to receive the new key, then point ADLERDO_MASTER_KEY_FILE at it.',
    );
  }
  if (!fromEnv && options.newKeyFile) {
    throw new AppError(
      'input',
      'secrets.new_key_file_unused',
      'The master key lives in the data dir: the rotation writes the new key there (the old one is kept as ' +
        `${OLD_KEY_FILE}). Leave out --new-key-file.`,
    );
  }
  const pending = path.resolve(options.newKeyFile ?? path.join(options.dataDir, NEW_KEY_FILE));
  // In the data dir a leftover master.key.new comes from a rotation that failed before its commit: the
  // current key opened every secret (checked when the database was opened), so the leftover opens none.
  if (!fromEnv) await rm(pending, { force: true });
  const key = randomBytes(32);
  if (!(await createKeyFile(pending, key))) {
    throw new AppError(
      'conflict',
      'secrets.new_key_file_exists',
      `${pending} already exists. Choose a path for the new key that does not exist yet; nothing was changed.`,
    );
  }
  const next = new SecretBox(key);
  let reEncrypted: number;
  try {
    reEncrypted = await db.transaction().execute(async (trx) => {
      await takeSecretsLockExclusively(trx);
      return rewrite(trx, next);
    });
  } catch (error) {
    await rm(pending, { force: true }); // rolled back: the database still needs only the current key
    throw error;
  }
  if (source.kind === 'env') return { reEncrypted, keyFile: pending };
  const keyFile = source.file;
  const oldKeyFile = path.join(path.dirname(keyFile), OLD_KEY_FILE);
  const hadKey = existsSync(keyFile); // a reset may run with the key file gone
  if (hadKey) await rename(keyFile, oldKeyFile);
  await rename(pending, keyFile);
  return { reEncrypted, keyFile, ...(hadKey && { oldKeyFile }) };
}
