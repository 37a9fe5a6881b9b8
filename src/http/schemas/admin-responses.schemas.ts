import { z } from 'zod';
import type { Admin, AdminSummary } from '../../auth/admins.ts';
import { responseOf } from './same-shape.ts';

/** The answers of sign-in and the Administrators page (auth.routes.ts, admins.routes.ts): never a hash or token. */
export const admin = responseOf<Admin>()(z.object({ id: z.string(), username: z.string() }));

export const adminResponse = z.object({ admin });

export const authStateResponse = z.object({
  needsSetup: z.boolean().describe('No administrator exists yet: the first-start page shows'),
  setupCodeRequired: z.boolean().describe('The first-start page asks for the code from the server’s log'),
  admin: admin.nullable().describe('Who is signed in, null without a session'),
});

export const adminsResponse = z.object({
  admins: z.array(
    responseOf<AdminSummary>()(
      z.object({
        id: z.string(),
        username: z.string(),
        createdAt: z.string(),
        activeSessions: z.number().describe('Sessions that have not expired'),
        lastSignInAt: z.string().nullable().describe('When the newest session began (null: none open)'),
      }),
    ),
  ),
  you: z.string().nullable().describe('The id of the administrator asking'),
});

export const revokedResponse = z.object({ revoked: z.number().describe('How many sessions were ended') });

/** 204: no body. */
export const noContentResponse = z.null().describe('No body');
