import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sessionAdmin, type Admin } from '../auth/admins.ts';
import type { DB } from '../store/schema.ts';
import { csrfRefusal } from './csrf.ts';

export const SESSION_COOKIE = 'adlerdo_session';

declare module 'fastify' {
  interface FastifyRequest {
    admin?: Admin;
    /** The token of the session this request came with (set by the guard), e.g. to keep it when revoking others. */
    sessionToken?: string;
  }
  interface FastifyContextConfig {
    /** Answers without a session (health, readiness, sign-in, first-start setup). Default: needs a session. */
    public?: boolean;
    /** A scraper may use `Authorization: Bearer <ADLERDO_METRICS_TOKEN>` instead of a session. */
    metricsToken?: boolean;
  }
}

/**
 * Who may call a route is decided by the route Fastify matched (its `config`), never by the URL text: the
 * router decodes `%61pi`, so comparing strings let such spellings past the guard. Routes need a session unless
 * they declare `config: { public: true }`. Unmatched requests reach only the not-found handler, which serves
 * the web app's index.html or a 404 and nothing else, so they need no session. CSRF is checked first, for every
 * state-changing request, public or not (a forged sign-in is an attack too).
 */
export function sessionGuard(db: Kysely<DB>, metricsToken?: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const csrf = csrfRefusal(request);
    if (csrf) return refuse(reply, csrf.status, csrf.code, csrf.message);
    if (request.is404) return undefined;
    const config = request.routeOptions.config;
    if (config.public === true) return undefined;
    if (
      config.metricsToken === true &&
      metricsToken &&
      bearerMatches(request.headers.authorization, metricsToken)
    )
      return undefined;
    const token = request.cookies[SESSION_COOKIE];
    const admin = token ? await sessionAdmin(db, token) : undefined;
    if (!admin) {
      return refuse(reply, 401, 'auth.required', 'Sign in to use AdlerDo.');
    }
    request.admin = admin;
    request.sessionToken = token;
    return undefined;
  };
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.status(status).send({ error: { code, message } });
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
