import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import { AppError } from '../core/errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { DB } from '../store/schema.ts';
import { SecretBox } from './secret-box.ts';
import { readStoredSecrets, unreadableBy, type StoredSecret } from './stored-secrets.ts';

export const KEY_FILE = 'master.key';
/** Written before a rotation re-encrypts anything, so the new key exists on disk before the database needs it. */
export const NEW_KEY_FILE = 'master.key.new';
/** The key before the last rotation: database backups taken before it still need it. */
export const OLD_KEY_FILE = 'master.key.old';

/** Where the instance key comes from, for messages and for `adlerdo key rotate`. */
export type KeySource = { kind: 'env' } | { kind: 'file'; file: string };

export interface OpenedKey {
  box: SecretBox;
  source: KeySource;
}

/**
 * The instance key, checked against the database before anything uses it: ADLERDO_MASTER_KEY (or _FILE,
 * resolved by config), else `<dataDir>/master.key`. A key file is created only while the database holds no
 * secret at all; a missing or wrong key with secrets in the database stops AdlerDo with what to restore (a new
 * key would make every stored secret unreadable, and a wrong one would look like rejected credentials).
 */
export async function openMasterKey(config: Config, db: Kysely<DB>, logger: Logger): Promise<OpenedKey> {
  const stored = await readStoredSecrets(db);
  if (config.ADLERDO_MASTER_KEY) {
    const box = new SecretBox(decodeKey(config.ADLERDO_MASTER_KEY, 'ADLERDO_MASTER_KEY'));
    assertOpens(box, stored, 'ADLERDO_MASTER_KEY (or the file ADLERDO_MASTER_KEY_FILE names)', config);
    return { box, source: { kind: 'env' } };
  }
  const file = path.join(config.dataDir, KEY_FILE);
  if (!existsSync(file)) {
    if (stored.length > 0) throw keyMissing(file, stored, config);
    if (await createKeyFile(file, randomBytes(32))) {
      logger.warn(
        { file },
        'created a new master key; back it up now, apart from the database backups (without it the stored keys cannot be read)',
      );
    }
  }
  const box = new SecretBox(await readKeyFile(file));
  assertOpens(box, stored, file, config);
  return { box, source: { kind: 'file', file } };
}

export function decodeKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'config',
      'secrets.bad_key',
      `${source} must hold 32 random bytes as base64 or hex (e.g. \`openssl rand -base64 32\`).`,
    );
  }
  return key;
}

export async function readKeyFile(file: string): Promise<Buffer> {
  return decodeKey((await readFile(file, 'utf8')).trim(), file);
}

/**
 * Writes a key file with mode 0600, never over an existing one, and flushed to disk before it returns (the
 * database may depend on it next). False when the file already exists (another process made it first).
 */
export async function createKeyFile(file: string, key: Buffer): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.chmod(0o600); // the umask may have taken bits away, never added: make it exact
    await handle.writeFile(`${key.toString('base64')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

function assertOpens(box: SecretBox, stored: readonly StoredSecret[], source: string, config: Config): void {
  const unreadable = unreadableBy(box, stored);
  if (unreadable.length === 0) return;
  throw new AppError(
    'config',
    'secrets.wrong_key',
    `The master key from ${source} cannot open ${describe(unreadable, stored)}. It is not the key they were ` +
      `saved with. Restore that key from your backup (${restoreHint(config)}) and start again.` +
      interruptedRotationHint(stored, config) +
      LAST_RESORT,
    { details: { unreadable: unreadable.length, stored: stored.length } },
  );
}

function keyMissing(file: string, stored: readonly StoredSecret[], config: Config): AppError {
  return new AppError(
    'config',
    'secrets.key_missing',
    `${file} is missing, but the database holds ${describe(stored, stored)} encrypted with it. Restore ` +
      `master.key from your backup into ${config.dataDir} (mode 0600), or set ADLERDO_MASTER_KEY to it. ` +
      'AdlerDo does not create a new key while stored keys exist: they could never be read again.' +
      interruptedRotationHint(stored, config) +
      LAST_RESORT,
  );
}

function describe(some: readonly StoredSecret[], all: readonly StoredSecret[]): string {
  const owners = [...new Set(some.map((s) => s.owner))].sort();
  const named = owners.slice(0, 3).join(', ') + (owners.length > 3 ? ` and ${owners.length - 3} more` : '');
  return `${some.length === all.length ? 'the' : `${some.length} of the ${all.length}`} stored keys of ${named}`;
}

function restoreHint(config: Config): string {
  return config.ADLERDO_MASTER_KEY
    ? 'set ADLERDO_MASTER_KEY to it'
    : `put it into ${path.join(config.dataDir, KEY_FILE)}, or set ADLERDO_MASTER_KEY to it`;
}

const LAST_RESORT =
  ' Only if that key is lost for good: `adlerdo key reset --forget-stored-secrets` starts over with a new key, and ' +
  'every account and the ERP need their keys entered again.';

/** `adlerdo key rotate` stopped after the database commit but before renaming the key files. */
function interruptedRotationHint(stored: readonly StoredSecret[], config: Config): string {
  const pending = path.join(config.dataDir, NEW_KEY_FILE);
  if (!existsSync(pending)) return '';
  try {
    const candidate = new SecretBox(decodeKeySync(pending));
    if (unreadableBy(candidate, stored).length > 0) return '';
  } catch {
    return '';
  }
  return ` ${pending} opens them: a key rotation was interrupted after the database was re-encrypted. Move it to ${path.join(config.dataDir, KEY_FILE)} (keep the current one as ${OLD_KEY_FILE}) and start again.`;
}

/** Sync on purpose: only read on the way to an error message. */
function decodeKeySync(file: string): Buffer {
  return decodeKey(readFileSync(file, 'utf8').trim(), file);
}
