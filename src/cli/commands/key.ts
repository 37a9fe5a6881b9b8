import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig, type Config } from '../../config/config.ts';
import { AppError } from '../../core/errors.ts';
import { createLogger } from '../../logging/logger.ts';
import {
  decodeKey,
  KEY_FILE,
  NEW_KEY_FILE,
  OLD_KEY_FILE,
  openMasterKey,
  readKeyFile,
  type KeySource,
} from '../../secrets/master-key.ts';
import { forgetWithNewKey, rotateMasterKey } from '../../secrets/rotate.ts';
import { SecretBox } from '../../secrets/secret-box.ts';
import { readStoredSecrets, unreadableBy, type StoredSecret } from '../../secrets/stored-secrets.ts';
import { openDatabase } from '../../store/db.ts';

const NEW_KEY_FILE_HELP =
  'where to write the new key when it comes from ADLERDO_MASTER_KEY (a file that does not exist yet)';

export function keyCommand(): Command {
  const key = new Command('key').description('Manage the master key that encrypts the stored credentials');
  key
    .command('rotate')
    .description(
      'Re-encrypt every stored secret under a new master key, in one transaction (stop AdlerDo first)',
    )
    .option('--new-key-file <path>', NEW_KEY_FILE_HELP)
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
  key
    .command('reset')
    .description(
      'Only when the master key is lost for good: a new key, every stored secret forgotten (accounts and the ' +
        'ERP turn "Credentials invalid" until their keys are entered again; orders and settings stay)',
    )
    .requiredOption('--forget-stored-secrets', 'confirm that the stored keys cannot be recovered')
    .option('--new-key-file <path>', NEW_KEY_FILE_HELP)
    .action(async (o: { newKeyFile?: string }) => {
      const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
      const logger = createLogger(config.LOG_LEVEL, process.stderr);
      const database = await openDatabase(config, logger);
      try {
        const stored = await readStoredSecrets(database.db);
        if (stored.length === 0) {
          throw new AppError(
            'input',
            'secrets.nothing_to_forget',
            'The database holds no stored keys: nothing to reset.',
          );
        }
        const usable = await keyThatOpens(config, stored);
        if (usable) {
          throw new AppError(
            'conflict',
            'secrets.key_not_lost',
            `${usable} opens the stored keys: nothing is lost. Use that key (as ${KEY_FILE} in the data dir or ` +
              'ADLERDO_MASTER_KEY), or `adlerdo key rotate` to change it. Nothing was changed.',
          );
        }
        const source: KeySource = config.ADLERDO_MASTER_KEY
          ? { kind: 'env' }
          : { kind: 'file', file: path.join(config.dataDir, KEY_FILE) };
        const result = await forgetWithNewKey(database.db, source, {
          dataDir: config.dataDir,
          newKeyFile: o.newKeyFile,
        });
        const lines = [
          `Forgot ${result.reEncrypted} stored secrets; the new master key is in ${result.keyFile}.`,
          'Every account and the ERP now show "Credentials invalid": enter their keys again (Update keys in the',
          'UI, `adlerdo accounts update-keys <name> --client-id <id>`, `adlerdo erp update-key`).',
        ];
        if (source.kind === 'env') {
          lines.push(
            `Set ADLERDO_MASTER_KEY_FILE=${result.keyFile} for every AdlerDo process and start them again.`,
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await database.close();
      }
    });
  return key;
}

/** The first key at hand that opens every stored secret: the configured one, or one left by a rotation. */
async function keyThatOpens(config: Config, stored: readonly StoredSecret[]): Promise<string | undefined> {
  const opens = (key: Buffer) => unreadableBy(new SecretBox(key), stored).length === 0;
  if (config.ADLERDO_MASTER_KEY && opens(decodeKey(config.ADLERDO_MASTER_KEY, 'ADLERDO_MASTER_KEY')))
    return 'ADLERDO_MASTER_KEY';
  for (const name of [KEY_FILE, NEW_KEY_FILE, OLD_KEY_FILE]) {
    const file = path.join(config.dataDir, name);
    if (!existsSync(file)) continue;
    const key = await readKeyFile(file).catch(() => undefined);
    if (key && opens(key)) return file;
  }
  return undefined;
}
