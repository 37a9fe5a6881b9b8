import { createAppContext, type AppContext } from '../app-context.ts';
import { loadConfig } from '../config/config.ts';
import { createLogger } from '../logging/logger.ts';

/**
 * Opens the same database as the server (DATABASE_URL, or the embedded one under ADLERDO_DATA_DIR — joining
 * it when `adlerdo start` is running), runs `fn`, and closes everything. CLI logs go to stderr at `warn`
 * unless LOG_LEVEL says otherwise, so stdout stays clean for --json.
 */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const logger = createLogger(config.LOG_LEVEL, process.stderr);
  const ctx = await createAppContext(config, logger);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
