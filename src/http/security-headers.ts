import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app is one built bundle from this origin: no inline script or style, no third party, never framed.
 * `img-src data:` only for the empty favicon (`<link rel="icon" href="data:,">`) in index.html. React sets
 * `style` props through the CSSOM, which style-src does not restrict, so `style-src 'self'` is enough.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year; no includeSubDomains, as other hosts under the same domain may not speak https. */
const HSTS = 'max-age=31536000';

/**
 * Sent with every answer. HSTS only when the request came over https (directly, or through a trusted proxy
 * that said so in X-Forwarded-Proto): over plain http a browser ignores it, and it would be a lie.
 * `no-store` on everything but the built files (which carry their content hash): API answers hold sellers'
 * data and must not linger in shared or browser caches.
 */
export function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'same-origin');
  reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  if (request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
  if (!isBuiltFile(request)) reply.header('Cache-Control', 'no-store');
  done(null, payload);
}

/** @fastify/static's routes carry the file they serve in their config. */
function isBuiltFile(request: FastifyRequest): boolean {
  return !request.is404 && typeof (request.routeOptions.config as { file?: unknown }).file === 'string';
}
