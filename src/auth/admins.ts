import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { text } from '../core/text.ts';
import { parseInput } from '../core/validation.ts';
import type { DB } from '../store/schema.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const adminInputSchema = z.object({
  username: text()
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
  const password_hash = await hashPassword(password);
  return insertAdmin(db, username, password_hash);
}

/**
 * First-start setup: creates the first administrator only while there is none. Concurrent setups queue on one
 * transaction-scoped advisory lock (the same one removeAdmin takes), so exactly one wins; the others see an
 * administrator and get a conflict. The password is hashed before the lock is taken, so no one waits on scrypt.
 */
export async function createFirstAdmin(
  db: Kysely<DB>,
  input: { username: string; password: string },
): Promise<Admin> {
  const { username, password } = parseInput(adminInputSchema, input, 'The administrator');
  const password_hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    await lockAdmins(trx);
    if ((await countAdmins(trx)) > 0) {
      throw new AppError(
        'conflict',
        'auth.setup_done',
        'AdlerDo already has an administrator. Sign in instead.',
      );
    }
    return insertAdmin(trx, username, password_hash);
  });
}

async function insertAdmin(db: Kysely<DB>, username: string, password_hash: string): Promise<Admin> {
  try {
    return await db
      .insertInto('admins')
      .values({ username, password_hash })
      .returning(['id', 'username'])
      .executeTakeFirstOrThrow();
  } catch (error) {
    // The unique index on lower(username) decides, also between two creations at the same moment.
    if ((error as { code?: string }).code !== '23505') throw error;
    throw new AppError('conflict', 'admin.exists', `An administrator named "${username}" already exists.`, {
      fields: [{ field: 'username', message: 'This username is taken.' }],
    });
  }
}

/** Serialises everything that changes how many administrators there are (first setup, removal). */
async function lockAdmins(trx: Transaction<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('adlerdo.admins'))`.execute(trx);
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

export interface AdminSummary extends Admin {
  createdAt: string;
  /** Sessions that have not expired. */
  activeSessions: number;
  /** When the newest session began, i.e. the last sign-in (null: never, or all sessions ended). */
  lastSignInAt: string | null;
}

export async function listAdmins(db: Kysely<DB>): Promise<AdminSummary[]> {
  const rows = await db
    .selectFrom('admins')
    .leftJoin('sessions', (join) =>
      join.onRef('sessions.admin_id', '=', 'admins.id').on('sessions.expires_at', '>', new Date()),
    )
    .select((eb) => [
      'admins.id',
      'admins.username',
      'admins.created_at',
      eb.fn.count<string>('sessions.token_hash').as('sessions'),
      eb.fn.max('sessions.created_at').as('last_sign_in'),
    ])
    .groupBy(['admins.id', 'admins.username', 'admins.created_at'])
    .orderBy((eb) => eb.fn('lower', ['admins.username']))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    createdAt: new Date(row.created_at).toISOString(),
    activeSessions: Number(row.sessions),
    lastSignInAt: row.last_sign_in ? new Date(row.last_sign_in).toISOString() : null,
  }));
}

export async function findAdmin(
  db: Kysely<DB>,
  usernameOrId: { username: string } | { id: string },
): Promise<Admin> {
  const row = await db
    .selectFrom('admins')
    .select(['id', 'username'])
    .where((eb) =>
      'id' in usernameOrId
        ? eb('id', '=', usernameOrId.id)
        : eb(eb.fn('lower', ['username']), '=', usernameOrId.username.trim().toLowerCase()),
    )
    .executeTakeFirst();
  if (!row) {
    const name = 'username' in usernameOrId ? `named "${usernameOrId.username}" ` : '';
    throw new AppError('not_found', 'admin.not_found', `There is no administrator ${name}any more.`);
  }
  return row;
}

const passwordSchema = adminInputSchema.shape.password;

/**
 * Sets a new password and ends that administrator's sessions (whoever knew the old password is signed out),
 * except `keepToken`: the session of an administrator changing their own password stays.
 */
export async function setAdminPassword(
  db: Kysely<DB>,
  adminId: string,
  password: string,
  keepToken?: string,
): Promise<void> {
  const checked = parseInput(passwordSchema, password, 'The password');
  const password_hash = await hashPassword(checked);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('admins')
      .set({ password_hash })
      .where('id', '=', adminId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) {
      throw new AppError('not_found', 'admin.not_found', 'There is no such administrator any more.');
    }
    await revokeSessions(trx, adminId, keepToken);
  });
}

/** Whether `password` is this administrator's current one (a password change by oneself asks for it). */
export async function checkPassword(db: Kysely<DB>, adminId: string, password: string): Promise<boolean> {
  const row = await db
    .selectFrom('admins')
    .select('password_hash')
    .where('id', '=', adminId)
    .executeTakeFirst();
  return row !== undefined && (await verifyPassword(password, row.password_hash));
}

/** Removes an administrator and their sessions; never the last one, also when two removals race. */
export async function removeAdmin(db: Kysely<DB>, adminId: string): Promise<Admin> {
  return db.transaction().execute(async (trx) => {
    await lockAdmins(trx);
    const admin = await findAdmin(trx, { id: adminId });
    if ((await countAdmins(trx)) <= 1) {
      throw new AppError(
        'conflict',
        'admin.last',
        `"${admin.username}" is the only administrator and cannot be removed. Create another one first.`,
      );
    }
    await trx.deleteFrom('admins').where('id', '=', adminId).execute();
    return admin;
  });
}

/** Ends every session of an administrator (but `keepToken`'s); answers how many ended. */
export async function revokeSessions(db: Kysely<DB>, adminId: string, keepToken?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('admin_id', '=', adminId);
  if (keepToken) query = query.where('token_hash', '<>', tokenHash(keepToken));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
