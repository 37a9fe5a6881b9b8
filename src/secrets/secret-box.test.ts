import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeKey } from './master-key.ts';
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
    expect(() => box.decrypt(stored, 'account:2:secret')).toThrow(/cannot read the stored keys/);
    expect(() => new SecretBox(randomBytes(32)).decrypt(stored, 'account:1:secret')).toThrow(/master key/);
    expect(box.canDecrypt(stored, 'account:1:secret')).toBe(true);
    expect(new SecretBox(randomBytes(32)).canDecrypt(stored, 'account:1:secret')).toBe(false);
  });

  it('masks to the last four', () => {
    expect(mask('3f2a')).toBe('••••3f2a');
  });
});

describe('decodeKey', () => {
  it('takes 32 bytes as hex or base64 and rejects a short key', () => {
    const key = randomBytes(32);
    expect(decodeKey(key.toString('hex'), 'X').equals(key)).toBe(true);
    expect(decodeKey(key.toString('base64'), 'X').equals(key)).toBe(true);
    expect(() => decodeKey(randomBytes(16).toString('base64'), 'X')).toThrow(/32 random bytes/);
  });
});
