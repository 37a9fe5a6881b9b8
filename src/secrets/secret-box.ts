import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.ts';

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce size; random per message, so 2^32 messages per key stay safe
const KEY_BYTES = 32; // AES-256

/**
 * AES-256-GCM with the instance key. Every value is bound to a context string (e.g. "account:<id>:client_secret")
 * as additional authenticated data, so a ciphertext copied into another row or column does not decrypt.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) {
      throw new AppError(
        'config',
        'secrets.bad_key',
        `The master key must be ${KEY_BYTES} bytes, got ${key.length}.`,
      );
    }
    this.#key = key;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string, context: string): string {
    const [version, iv, tag, ciphertext] = stored.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw storedKeysUnreadable();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch (cause) {
      throw storedKeysUnreadable(cause);
    }
  }

  /** For the start-up check: whether this key opens a stored value, without building an error. */
  canDecrypt(stored: string, context: string): boolean {
    try {
      this.decrypt(stored, context);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * A local failure, not the marketplace's or the ERP's verdict: the keys themselves may be fine. Its own code, so
 * nothing marks an account "Credentials invalid" or pauses it because of it. Start-up refuses a key that cannot
 * open the stored values (master-key.ts), so this only happens when the database changed under a running process.
 */
export function storedKeysUnreadable(cause?: unknown): AppError {
  return new AppError(
    'config',
    'secrets.unreadable',
    'AdlerDo cannot read the stored keys: the master key differs from the one they were saved with. ' +
      'Restore the master key (ADLERDO_MASTER_KEY or master.key in the data dir) from your backup and restart AdlerDo.',
    { cause },
  );
}

/** Shows the last 4 characters only: `••••3f2a`. */
export function mask(lastFour: string): string {
  return `••••${lastFour}`;
}
