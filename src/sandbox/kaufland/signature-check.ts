import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FieldError } from '../../core/errors.ts';
import { ProblemError, type ProblemType } from './errors.ts';
import type { SellerRecord } from './records.ts';

/** Kaufland reports ±5 minutes of allowed clock skew. */
export const MAX_SKEW_SECONDS = 300;

export interface SignedRequest {
  method: string;
  /** The request-target exactly as on the wire (path + raw query), or an absolute URL if the client sent one. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

/** HMAC-SHA256 over `METHOD\nURI\nBODY\nTIMESTAMP`, keyed with the secret's UTF-8 bytes (not hex-decoded), lowercase hex. */
export function computeSignature(
  secret: string,
  method: string,
  uri: string,
  body: Buffer,
  timestamp: string,
): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${method}\n${uri}\n`, 'utf8')
    .update(body)
    .update(`\n${timestamp}`, 'utf8')
    .digest('hex');
}

/** The URI the client must have signed: the scheme is http because the sandbox serves plain HTTP, the host is the Host header. */
export function signedUri(request: SignedRequest): string {
  if (/^https?:\/\//i.test(request.rawUrl)) return request.rawUrl;
  return `http://${request.headers.host ?? ''}${request.rawUrl}`;
}

/**
 * Authenticates a /v2 request and returns its seller. Order of checks, each a 401 with its own problem type:
 * missing/unparseable header → missing-or-invalid-request-header; fractional timestamp, unknown client key or a
 * timestamp more than 300 s off → invalid-credentials; signature mismatch → corrupted-signature.
 */
export function verifySignature(
  request: SignedRequest,
  findSeller: (clientKey: string) => SellerRecord | undefined,
  nowMs: number,
): SellerRecord {
  const clientKey = header(request.headers, 'Shop-Client-Key');
  const timestamp = header(request.headers, 'Shop-Timestamp');
  const signature = header(request.headers, 'Shop-Signature');
  if (clientKey === undefined || timestamp === undefined || signature === undefined) {
    const missing = ['Shop-Client-Key', 'Shop-Timestamp', 'Shop-Signature'].filter(
      (name) => header(request.headers, name) === undefined,
    );
    throw unauthorized(
      '/problems/missing-or-invalid-request-header',
      'Missing or invalid request header',
      missing.map((name) => ({ field: name, message: 'header is required' })),
    );
  }
  if (/^\d+\.\d*$/.test(timestamp)) {
    throw unauthorized('/problems/invalid-credentials', 'Invalid credentials', [
      { field: 'Shop-Timestamp', message: 'must be whole unix seconds, not fractional' },
    ]);
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw unauthorized('/problems/missing-or-invalid-request-header', 'Missing or invalid request header', [
      { field: 'Shop-Timestamp', message: 'must be unix seconds as an integer' },
    ]);
  }
  const seller = findSeller(clientKey);
  if (!seller) throw unauthorized('/problems/invalid-credentials', 'Invalid credentials');
  if (Math.abs(Number(timestamp) - Math.floor(nowMs / 1000)) > MAX_SKEW_SECONDS) {
    throw unauthorized('/problems/invalid-credentials', 'Invalid credentials', [
      {
        field: 'Shop-Timestamp',
        message: `differs from server time by more than ${MAX_SKEW_SECONDS} seconds`,
      },
    ]);
  }
  const expected = computeSignature(
    seller.secret_key,
    request.method,
    signedUri(request),
    request.rawBody,
    timestamp,
  );
  if (!sameText(expected, signature))
    throw unauthorized('/problems/corrupted-signature', 'Corrupted signature');
  return seller;
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Node lower-cases header names; an empty value counts as missing. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name.toLowerCase()];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value === '' ? undefined : value;
}

function unauthorized(type: ProblemType, message: string, fields: FieldError[] = []): ProblemError {
  return new ProblemError(401, type, message, fields);
}
