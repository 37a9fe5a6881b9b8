import { Command } from 'commander';
import { createAppContext } from '../../app-context.ts';
import { countAdmins } from '../../auth/admins.ts';
import { loadConfig } from '../../config/config.ts';
import { buildServer } from '../../http/server.ts';
import { createLogger } from '../../logging/logger.ts';

/** Shutdown waits at most 10 s for open requests before the database is stopped anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export function startCommand(): Command {
  return new Command('start').description('Start AdlerDo: database, web UI and API').action(async () => {
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL);
    const ctx = await createAppContext(config, logger);
    const server = await buildServer(ctx);
    await server.listen({ port: config.PORT, host: config.HOST });
    const url = `http://localhost:${config.PORT}`;
    logger.info({ url }, `AdlerDo is running at ${url}`);
    if ((await countAdmins(ctx.db)) === 0) logger.info(`Open ${url} to create the first administrator.`);

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const timer = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
      await server.close();
      await ctx.close();
      clearTimeout(timer);
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
