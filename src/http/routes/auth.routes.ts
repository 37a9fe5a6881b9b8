import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  authenticate,
  countAdmins,
  createFirstAdmin,
  createSession,
  deleteSession,
  sessionAdmin,
} from '../../auth/admins.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { SetupCode, setupCodeRequired } from '../../auth/setup-code.ts';
import { AppError } from '../../core/errors.ts';
import { text } from '../../core/text.ts';
import type { AppContext } from '../../app-context.ts';
import { SESSION_COOKIE } from '../session.ts';
import { adminResponse, authStateResponse, noContentResponse } from '../schemas/admin-responses.schemas.ts';
import { errorResponse } from '../schemas/error.schemas.ts';

// Generous upper bounds: the real rules (adminInputSchema) apply at creation; these only keep huge values
// away from scrypt and the throttle's maps.
const loginSchema = z.object({
  username: text().trim().min(1, 'Enter your username.').max(200, 'Use at most 200 characters.'),
  password: z.string().min(1, 'Enter your password.').max(1000, 'Use at most 1000 characters.'),
});

const setupSchema = z.object({
  username: text().max(200, 'Use at most 200 characters.'),
  password: z.string().max(1000, 'Use at most 1000 characters.'),
  setupCode: text().max(100, 'Use at most 100 characters.').optional(),
});

const PUBLIC = { public: true } as const;
/** Wrong setup codes share the throttle with sign-ins, under a name no administrator can have. */
const SETUP_THROTTLE_NAME = '\u0000setup';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const setupCode = new SetupCode(setupCodeRequired(ctx.config));
  const throttle = new LoginThrottle();

  // Printed once at start (when there is no administrator yet), where only someone with the server's log sees
  // it; onReady, which listen() awaits, so the line is there before the first request.
  app.addHook('onReady', async () => {
    if (!setupCode.required || (await countAdmins(ctx.db)) > 0) return;
    ctx.logger.warn(
      `First start: AdlerDo listens on ${ctx.config.HOST}, so creating the first administrator in the browser ` +
        `needs this setup code: ${setupCode.value ?? ''} (a new one is made at every start; ` +
        '`adlerdo admin create` needs none).',
    );
  });

  const startSession = async (reply: FastifyReply, adminId: string, secure: boolean) => {
    const token = await createSession(ctx.db, adminId, ctx.config.ADLERDO_SESSION_HOURS);
    // Secure when the browser reached us over https (directly or through a trusted proxy): the cookie then
    // never travels over plain http.
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      maxAge: ctx.config.ADLERDO_SESSION_HOURS * 3600,
    });
  };

  /** Whether the first-start setup page should show (and ask for the code), and who is signed in. */
  api.get(
    '/api/auth/state',
    { config: PUBLIC, schema: { response: { 200: authStateResponse } } },
    async (request) => {
      const needsSetup = (await countAdmins(ctx.db)) === 0;
      const token = request.cookies[SESSION_COOKIE];
      const admin = token ? await sessionAdmin(ctx.db, token) : undefined;
      return { needsSetup, setupCodeRequired: needsSetup && setupCode.required, admin: admin ?? null };
    },
  );

  /** First-start setup: creates the first administrator, only while there is none (see createFirstAdmin). */
  api.post(
    '/api/auth/setup',
    {
      config: PUBLIC,
      schema: { body: setupSchema, response: { 201: adminResponse, 403: errorResponse, 429: errorResponse } },
    },
    async (request, reply) => {
      if (setupCode.required) {
        const verdict = throttle.attempt(SETUP_THROTTLE_NAME, request.ip);
        if (verdict.retryAfterSeconds !== undefined) return tooMany(reply, verdict.retryAfterSeconds);
        if (!setupCode.matches(request.body.setupCode)) {
          return reply.status(403).send({
            error: {
              code: 'auth.setup_code',
              message:
                'Enter the setup code from AdlerDo’s log: the line “First start: … needs this setup code” written ' +
                'when it started. Restarting AdlerDo writes a new one.',
              fields: [{ field: 'setupCode', message: 'This is not the setup code from the log.' }],
            },
          });
        }
        throttle.succeeded(SETUP_THROTTLE_NAME, request.ip);
      }
      const admin = await busyAs429(reply, () => createFirstAdmin(ctx.db, request.body));
      if (!admin) return reply;
      await startSession(reply, admin.id, request.protocol === 'https');
      return reply.status(201).send({ admin });
    },
  );

  api.post(
    '/api/auth/login',
    {
      config: PUBLIC,
      schema: { body: loginSchema, response: { 200: adminResponse, 401: errorResponse, 429: errorResponse } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const verdict = throttle.attempt(username, request.ip);
      if (verdict.retryAfterSeconds !== undefined) return tooMany(reply, verdict.retryAfterSeconds);
      if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
      const admin = await busyAs429(reply, () => authenticate(ctx.db, username, password));
      if (admin === null) return reply;
      if (!admin) {
        return reply
          .status(401)
          .send({ error: { code: 'auth.invalid', message: 'Wrong username or password.' } });
      }
      throttle.succeeded(username, request.ip);
      await startSession(reply, admin.id, request.protocol === 'https');
      return { admin };
    },
  );

  // Needs a session like every route that does not say otherwise; without one there is nothing to end.
  app.post(
    '/api/auth/logout',
    { schema: { response: { 204: noContentResponse } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}

function tooMany(reply: FastifyReply, seconds: number): FastifyReply {
  return reply
    .status(429)
    .header('Retry-After', String(seconds))
    .send({
      error: {
        code: 'auth.throttled',
        message: `Too many failed attempts from here. Try again in ${formatWait(seconds)}.`,
      },
    });
}

/** When every hash slot is taken and the queue is full: a 429 with a short wait instead of a pile-up. */
async function busyAs429<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'auth.busy')) throw error;
    reply
      .status(429)
      .header('Retry-After', '2')
      .send({ error: { code: error.code, message: error.message } });
    return null;
  }
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
