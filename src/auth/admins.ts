import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { parseInput } from '../core/validation.ts';
import type { DB } from '../store/schema.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const adminInputSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Enter a username.')
    .max(64, 'Use at most 64 characters.')
    .regex(/^[\w.@+-]+$/, 'Use letters, digits and . _ @ + - only.'),
  password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
});

export interface Admin {
  id: string;
  username: string;
}

export async function countAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('admins')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createAdmin(
  db: Kysely<DB>,
  input: { username: string; password: string },
): Promise<Admin> {
  const { username, password } = parseInput(adminInputSchema, input, 'The administrator');
  const existing = await db
    .selectFrom('admins')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', 'admin.exists', `An administrator named "${username}" already exists.`, {
      fields: [{ field: 'username', message: 'This username is taken.' }],
    });
  }
  const password_hash = await hashPassword(password);
  return db
    .insertInto('admins')
    .values({ username, password_hash })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
}

export async function authenticate(
  db: Kysely<DB>,
  username: string,
  password: string,
): Promise<Admin | undefined> {
  const row = await db
    .selectFrom('admins')
    .select(['id', 'username', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.trim().toLowerCase()))
    .executeTakeFirst();
  // Hash anyway when the user is unknown, so response time does not reveal which usernames exist.
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  return row && ok ? { id: row.id, username: row.username } : undefined;
}

const DUMMY_HASH = `scrypt$32768$8$1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Kysely<DB>, adminId: string, hours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      admin_id: adminId,
      expires_at: new Date(Date.now() + hours * 3_600_000),
    })
    .execute();
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  return token;
}

export async function sessionAdmin(db: Kysely<DB>, token: string): Promise<Admin | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('admins', 'admins.id', 'sessions.admin_id')
    .select(['admins.id', 'admins.username'])
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}
