import { Command, InvalidArgumentError } from 'commander';
import { createLogger } from '../../logging/logger.ts';
import { startKauflandSandbox } from '../../sandbox/kaufland/index.ts';

interface Options {
  port: number;
  host: string;
  snapshot?: string;
  seedDemo?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('must be 0-65535');
  return port;
}

/** `adlerdo sandbox kaufland`: runs the Kaufland Seller API v2 sandbox until Ctrl+C (src/sandbox/kaufland/README.md). */
export function sandboxKauflandCommand(): Command {
  return new Command('kaufland')
    .description(
      'Run the Kaufland Seller API v2 sandbox: the signed /v2 API plus the unsigned /_sandbox control API',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4010)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--snapshot <file>', 'keep the state in this JSON file across restarts')
    .option(
      '--seed-demo',
      'create a demo seller (storefront de, units DEMO-001 and DEMO-002) and print its keys',
    )
    .action(async (options: Options) => {
      const logger = createLogger(process.env.LOG_LEVEL ?? 'info', process.stderr);
      const sandbox = await startKauflandSandbox({
        port: options.port,
        host: options.host,
        snapshotFile: options.snapshot,
        logger,
      });
      const lines = [
        `Kaufland sandbox API:  ${sandbox.baseUrl}`,
        `Control API:           ${sandbox.origin}/_sandbox`,
      ];
      if (options.seedDemo) {
        const demo = sandbox.seedDemo();
        lines.push(`Demo seller (${demo.storefronts.join(', ')}):`, `  client key: ${demo.client_key}`);
        lines.push(`  secret key: ${demo.secret_key}`);
      }
      process.stdout.write(`${lines.join('\n')}\nPress Ctrl+C to stop.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sandbox.close();
    });
}
