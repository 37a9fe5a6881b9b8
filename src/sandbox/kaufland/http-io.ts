import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemError } from './errors.ts';

/** What a handler answers; the server writes it (or a fault mangles it first). */
export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Pagination {
  offset: number;
  limit: number;
  total: number;
}

export function ok(data: unknown, status = 200): SandboxResponse {
  return { status, body: { data } };
}

/** One page of `items`; only the page's items are turned into views (a list of 100,000 units pages 100 at a time). */
export function page<T>(
  items: readonly T[],
  paging: { limit: number; offset: number },
  view: (item: T) => unknown = (item) => item,
): SandboxResponse {
  const pagination: Pagination = { offset: paging.offset, limit: paging.limit, total: items.length };
  return {
    status: 200,
    body: { data: items.slice(paging.offset, paging.offset + paging.limit).map(view), pagination },
  };
}

export function noContent(): SandboxResponse {
  return { status: 204 };
}

export function problemResponse(error: ProblemError): SandboxResponse {
  return { status: error.status, body: error.body() };
}

/** Bulk bodies of 150 units are ~40 KB; 5 MB leaves room for anything legitimate and stops a runaway client. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Reads the body as raw bytes: the signature covers exactly these, so nothing may re-serialise them first. */
export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new ProblemError(413, '/problems/bad-request', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function serialize(response: SandboxResponse): string {
  return response.body === undefined ? '' : JSON.stringify(response.body);
}

export function writeResponse(
  res: ServerResponse,
  response: SandboxResponse,
  payload = serialize(response),
): void {
  if (res.writableEnded || res.destroyed) return;
  const headers: Record<string, string | number> = { ...response.headers };
  if (payload !== '') {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
