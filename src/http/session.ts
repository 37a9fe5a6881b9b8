import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sessionAdmin, type Admin } from '../auth/admins.ts';
import type { DB } from '../store/schema.ts';

export const SESSION_COOKIE = 'adlerdo_session';

declare module 'fastify' {
  interface FastifyRequest {
    admin?: Admin;
  }
}

const PUBLIC_PATHS = new Set(['/health', '/ready', '/api/auth/login', '/api/auth/setup', '/api/auth/state']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route but login and first-start setup needs a session. CSRF: the cookie is SameSite=Strict and
 * HttpOnly, state-changing requests must be JSON (a cross-site form cannot send that without a CORS preflight,
 * which this server never grants) and, when the browser sends an Origin, it must be this server's.
 */
export function sessionGuard(db: Kysely<DB>, metricsToken?: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && path !== '/metrics') return undefined;
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && !sameHost(origin, request.headers.host)) {
        return refuse(reply, 403, 'http.cross_origin', 'Cross-site requests are not allowed.');
      }
      const type = request.headers['content-type'];
      if (type !== undefined && !type.startsWith('application/json')) {
        return refuse(reply, 415, 'http.json_required', 'Send the request body as application/json.');
      }
    }
    if (PUBLIC_PATHS.has(path)) return undefined;
    if (path === '/metrics' && metricsToken && bearerMatches(request.headers.authorization, metricsToken))
      return undefined;
    const token = request.cookies[SESSION_COOKIE];
    const admin = token ? await sessionAdmin(db, token) : undefined;
    if (!admin) {
      return refuse(reply, 401, 'auth.required', 'Sign in to use AdlerDo.');
    }
    request.admin = admin;
    return undefined;
  };
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.status(status).send({ error: { code, message } });
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (sandboxed frames, file://) is never this server
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
