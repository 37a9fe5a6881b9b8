import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { createLogger } from '../../logging/logger.ts';
import { openMasterKey } from '../../secrets/master-key.ts';
import { rotateMasterKey } from '../../secrets/rotate.ts';
import { openDatabase } from '../../store/db.ts';

export function keyCommand(): Command {
  const key = new Command('key').description('Manage the master key that encrypts the stored credentials');
  key
    .command('rotate')
    .description(
      'Re-encrypt every stored secret under a new master key, in one transaction (stop AdlerDo first)',
    )
    .option(
      '--new-key-file <path>',
      'where to write the new key when it comes from ADLERDO_MASTER_KEY (a file that does not exist yet)',
    )
    .action(async (o: { newKeyFile?: string }) => {
      const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
      const logger = createLogger(config.LOG_LEVEL, process.stderr);
      // Not withContext: that holds the master key lock shared, and the rotation needs it for itself alone.
      const database = await openDatabase(config, logger);
      try {
        const current = await openMasterKey(config, database.db, logger);
        const result = await rotateMasterKey(database.db, current, {
          dataDir: config.dataDir,
          newKeyFile: o.newKeyFile,
        });
        const lines = [`Re-encrypted ${result.reEncrypted} stored secrets under a new master key.`];
        if (result.oldKeyFile) {
          lines.push(
            `The new key is in ${result.keyFile}: back it up now, apart from the database backups.`,
            `The previous key is kept as ${result.oldKeyFile}: database backups taken before now need it.`,
            'Delete it once those backups are gone.',
          );
        } else {
          lines.push(
            `The new key is in ${result.keyFile} (mode 0600). Set ADLERDO_MASTER_KEY_FILE=${result.keyFile}`,
            '(or ADLERDO_MASTER_KEY to its content) for every AdlerDo process, then start them again: the old',
            'key no longer opens the stored secrets. Keep the old key with the database backups taken before now.',
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await database.close();
      }
    });
  return key;
}
