import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  authenticate,
  countAdmins,
  createAdmin,
  createSession,
  deleteSession,
  sessionAdmin,
} from '../../auth/admins.ts';
import { AppError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import type { AppContext } from '../../app-context.ts';
import { SESSION_COOKIE } from '../session.ts';

const loginSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const startSession = async (adminId: string, secure: boolean) => {
    const token = await createSession(ctx.db, adminId, ctx.config.ADLERDO_SESSION_HOURS);
    return {
      token,
      options: {
        httpOnly: true,
        sameSite: 'strict' as const,
        secure,
        path: '/',
        maxAge: ctx.config.ADLERDO_SESSION_HOURS * 3600,
      },
    };
  };

  /** Whether the first-start setup page should show, and who is signed in. */
  app.get('/api/auth/state', async (request) => {
    const needsSetup = (await countAdmins(ctx.db)) === 0;
    const token = request.cookies[SESSION_COOKIE];
    const admin = token ? await sessionAdmin(ctx.db, token) : undefined;
    return { needsSetup, admin: admin ?? null };
  });

  /** First-start setup: creates the first administrator, only while there is none. */
  app.post('/api/auth/setup', async (request, reply) => {
    if ((await countAdmins(ctx.db)) > 0) {
      throw new AppError(
        'conflict',
        'auth.setup_done',
        'AdlerDo already has an administrator. Sign in instead.',
      );
    }
    const admin = await createAdmin(ctx.db, request.body as { username: string; password: string });
    const session = await startSession(admin.id, request.protocol === 'https');
    reply.setCookie(SESSION_COOKIE, session.token, session.options);
    return reply.status(201).send({ admin });
  });

  app.post('/api/auth/login', async (request, reply) => {
    const { username, password } = parseInput(loginSchema, request.body, 'The sign-in');
    const admin = await authenticate(ctx.db, username, password);
    if (!admin) {
      return reply
        .status(401)
        .send({ error: { code: 'auth.invalid', message: 'Wrong username or password.' } });
    }
    const session = await startSession(admin.id, request.protocol === 'https');
    reply.setCookie(SESSION_COOKIE, session.token, session.options);
    return { admin };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
