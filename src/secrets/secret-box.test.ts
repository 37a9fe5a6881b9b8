import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { loadMasterKey } from './master-key.ts';
import { mask, SecretBox } from './secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const stored = box.encrypt('s3cr3t-value', 'account:1:secret');
    expect(stored).not.toContain('s3cr3t');
    expect(box.decrypt(stored, 'account:1:secret')).toBe('s3cr3t-value');
    expect(box.encrypt('s3cr3t-value', 'account:1:secret')).not.toBe(stored);
  });

  it('refuses another context or another key', () => {
    const stored = box.encrypt('x', 'account:1:secret');
    expect(() => box.decrypt(stored, 'account:2:secret')).toThrow(/cannot be decrypted/);
    expect(() => new SecretBox(randomBytes(32)).decrypt(stored, 'account:1:secret')).toThrow(/master key/);
  });

  it('masks to the last four', () => {
    expect(mask('3f2a')).toBe('••••3f2a');
  });
});

describe('loadMasterKey', () => {
  it('creates a 0600 key file once and reuses it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'key-'));
    const config = loadConfig({ ADLERDO_DATA_DIR: dir });
    const first = await loadMasterKey(config);
    expect(statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect((await loadMasterKey(config)).equals(first)).toBe(true);
  });

  it('takes ADLERDO_MASTER_KEY and rejects a short one', async () => {
    const key = randomBytes(32);
    const config = loadConfig({ ADLERDO_MASTER_KEY: key.toString('hex') });
    expect((await loadMasterKey(config)).equals(key)).toBe(true);
    const short = loadConfig({ ADLERDO_MASTER_KEY: randomBytes(40).toString('base64').slice(0, 44) });
    await expect(loadMasterKey(short)).rejects.toThrow(/32 random bytes/);
  });
});
