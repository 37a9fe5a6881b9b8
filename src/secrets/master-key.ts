import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { AppError } from '../core/errors.ts';

const KEY_FILE = 'master.key';

/**
 * The instance key: ADLERDO_MASTER_KEY (or _FILE, resolved by config), else `<dataDir>/master.key`, created
 * with mode 0600 on first start. Losing it makes stored credentials unreadable (they must be entered again).
 */
export async function loadMasterKey(config: Config): Promise<Buffer> {
  if (config.ADLERDO_MASTER_KEY) return decodeKey(config.ADLERDO_MASTER_KEY, 'ADLERDO_MASTER_KEY');
  const file = path.join(config.dataDir, KEY_FILE);
  if (existsSync(file)) return decodeKey((await readFile(file, 'utf8')).trim(), file);
  await mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return key;
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
