import { Command } from 'commander';
import { createAdmin } from '../../auth/admins.ts';
import { withContext } from '../context.ts';
import { readSecret } from '../read-secret.ts';

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
  return admin;
}
