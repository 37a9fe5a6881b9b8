import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfRefusal {
  status: 403 | 415;
  code: string;
  message: string;
}

/**
 * CSRF for every state-changing request (POST, PUT, PATCH, DELETE, anything not GET/HEAD/OPTIONS):
 * - a browser that says where the request comes from (`Origin`, `Sec-Fetch-Site`) must say "this server";
 * - a body must be `application/json`. A cross-site page can send only text/plain, form-urlencoded or
 *   multipart without a CORS preflight, and this server never grants one.
 * A request with no body and no content type is allowed (the web app's DELETEs): every browser sends `Origin`
 * on a cross-site POST/PUT/PATCH/DELETE (refused above), and the session cookie is SameSite=Strict anyway.
 */
export function csrfRefusal(request: FastifyRequest): CsrfRefusal | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const origin = request.headers.origin;
  if (origin !== undefined && !sameHost(origin, request.host)) return crossSite();
  // same-site is refused too: a sibling subdomain may belong to someone else.
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return crossSite();
  const type = request.headers['content-type'];
  if (type === undefined ? hasBody(request) : !isJson(type)) {
    return {
      status: 415,
      code: 'http.json_required',
      message: 'Send the request body as application/json.',
    };
  }
  return undefined;
}

function crossSite(): CsrfRefusal {
  return { status: 403, code: 'http.cross_origin', message: 'Cross-site requests are not allowed.' };
}

/** `application/json`, optionally with parameters (`; charset=utf-8`); nothing else, not even `application/json5`. */
function isJson(type: string): boolean {
  return type.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file://) is never this server
  }
}
