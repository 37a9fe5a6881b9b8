import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkPassword,
  createAdmin,
  findAdmin,
  listAdmins,
  removeAdmin,
  revokeSessions,
  setAdminPassword,
} from '../../auth/admins.ts';
import { AppError } from '../../core/errors.ts';
import { text } from '../../core/text.ts';
import type { AppContext } from '../../app-context.ts';
import {
  adminResponse,
  adminsResponse,
  noContentResponse,
  revokedResponse,
} from '../schemas/admin-responses.schemas.ts';

const idParams = z.object({ id: z.uuid('Not an administrator id.') });

const createBody = z.object({
  username: text().max(200, 'Use at most 200 characters.'),
  password: z.string().max(1000, 'Use at most 1000 characters.'),
});

const passwordBody = z.object({
  password: z.string().max(1000, 'Use at most 1000 characters.'),
  /** Required when changing one's own password, so that a session left open is not enough. */
  currentPassword: z.string().max(1000, 'Use at most 1000 characters.').optional(),
});

/** The Administrators page: list, add, change a password, end sessions, remove (never the last one). */
export function adminsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/admins', { schema: { response: { 200: adminsResponse } } }, async (request) => ({
    admins: await listAdmins(ctx.db),
    you: request.admin?.id ?? null,
  }));

  api.post(
    '/api/admins',
    { schema: { body: createBody, response: { 201: adminResponse } } },
    async (request, reply) => {
      const admin = await createAdmin(ctx.db, request.body);
      return reply.status(201).send({ admin });
    },
  );

  api.put(
    '/api/admins/:id/password',
    { schema: { params: idParams, body: passwordBody, response: { 204: noContentResponse } } },
    async (request, reply) => {
      const admin = await findAdmin(ctx.db, { id: request.params.id });
      const self = admin.id === request.admin?.id;
      if (self && !(await checkPassword(ctx.db, admin.id, request.body.currentPassword ?? ''))) {
        throw new AppError('input', 'admin.current_password', 'Your current password is not right.', {
          fields: [{ field: 'currentPassword', message: 'Enter your current password.' }],
        });
      }
      // Everyone who knew the old password is signed out; the one changing their own stays signed in.
      await setAdminPassword(
        ctx.db,
        admin.id,
        request.body.password,
        self ? request.sessionToken : undefined,
      );
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/api/admins/:id/sessions',
    { schema: { params: idParams, response: { 200: revokedResponse } } },
    async (request) => {
      const admin = await findAdmin(ctx.db, { id: request.params.id });
      // "Sign out everywhere else": one's own current session stays.
      const revoked = await revokeSessions(ctx.db, admin.id, request.sessionToken);
      return { revoked };
    },
  );

  api.delete(
    '/api/admins/:id',
    { schema: { params: idParams, response: { 204: noContentResponse } } },
    async (request, reply) => {
      if (request.params.id === request.admin?.id) {
        throw new AppError(
          'conflict',
          'admin.self',
          'You cannot remove yourself while signed in. Ask another administrator, or use `adlerdo admin remove`.',
        );
      }
      await removeAdmin(ctx.db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
