import { Command } from 'commander';
import {
  createAdmin,
  findAdmin,
  listAdmins,
  removeAdmin,
  revokeSessions,
  setAdminPassword,
} from '../../auth/admins.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { readSecret } from '../read-secret.ts';

/**
 * Administrators from the machine AdlerDo runs on: whoever can run this can read the database anyway, so
 * nothing here asks for a setup code or a current password. It is also the way back in when every password
 * is forgotten (`admin passwd`).
 */
export function adminCommand(): Command {
  const admin = new Command('admin').description('Manage the administrators who sign in to AdlerDo');
  admin
    .command('create')
    .description('Create an administrator (password from --password-file, stdin, or a hidden prompt)')
    .requiredOption('--username <name>', 'login name')
    .option('--password-file <path>', 'file holding the password')
    .action(async (options: { username: string; passwordFile?: string }) => {
      const password = await readSecret('Password', options.passwordFile);
      const created = await withContext((ctx) =>
        createAdmin(ctx.db, { username: options.username, password }),
      );
      process.stdout.write(`Administrator "${created.username}" created.\n`);
    });

  admin
    .command('list')
    .description('List the administrators, their active sessions and last sign-in')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const admins = await withContext((ctx) => listAdmins(ctx.db));
      if (options.json) return printJson({ admins });
      printTable(
        admins.map((a) => ({
          username: a.username,
          created: a.createdAt.slice(0, 10),
          sessions: String(a.activeSessions),
          'last sign-in': a.lastSignInAt?.replace('T', ' ').slice(0, 16) ?? '—',
        })),
      );
    });

  admin
    .command('passwd')
    .description("Set an administrator's password and end their sessions (password: file, stdin or prompt)")
    .argument('<username>', 'login name')
    .option('--password-file <path>', 'file holding the new password')
    .action(async (username: string, options: { passwordFile?: string }) => {
      const password = await readSecret('New password', options.passwordFile);
      const changed = await withContext(async (ctx) => {
        const found = await findAdmin(ctx.db, { username });
        await setAdminPassword(ctx.db, found.id, password);
        return found;
      });
      process.stdout.write(`Password of "${changed.username}" changed; their sessions have ended.\n`);
    });

  admin
    .command('remove')
    .description('Remove an administrator (never the last one)')
    .argument('<username>', 'login name')
    .action(async (username: string) => {
      const removed = await withContext(async (ctx) =>
        removeAdmin(ctx.db, (await findAdmin(ctx.db, { username })).id),
      );
      process.stdout.write(`Administrator "${removed.username}" removed.\n`);
    });

  admin
    .command('revoke-sessions')
    .description('Sign an administrator out everywhere')
    .argument('<username>', 'login name')
    .action(async (username: string) => {
      const { found, revoked } = await withContext(async (ctx) => {
        const found = await findAdmin(ctx.db, { username });
        return { found, revoked: await revokeSessions(ctx.db, found.id) };
      });
      process.stdout.write(`${revoked} session${revoked === 1 ? '' : 's'} of "${found.username}" ended.\n`);
    });
  return admin;
}
