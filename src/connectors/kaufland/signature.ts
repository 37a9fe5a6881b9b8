import { createHmac } from 'node:crypto';

export interface SignatureInput {
  method: string;
  /** The absolute URL exactly as sent: scheme, host, path and the already-encoded query string. */
  uri: string;
  /** The exact body string that goes on the wire; '' when there is none. */
  body: string;
  /** Unix time in whole seconds: Kaufland refuses a fractional timestamp as bad credentials. */
  timestamp: number;
  secret: string;
}

/**
 * Kaufland's request signature: HMAC-SHA256 over `METHOD\nURI\nBODY\nTIMESTAMP`, lowercase hex.
 * The secret is keyed as its UTF-8 text although it looks like hex; decoding it gives wrong signatures
 * (official vector V1 in reference/kaufland/signature-vectors.json proves the UTF-8 reading).
 */
export function signRequest({ method, uri, body, timestamp, secret }: SignatureInput): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${method}\n${uri}\n${body}\n${timestamp}`, 'utf8')
    .digest('hex');
}
