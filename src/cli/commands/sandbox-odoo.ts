import { Command, InvalidArgumentError, Option } from 'commander';
import { startOdooSandbox, type SandboxVersion } from '../../sandbox/odoo/index.ts';

const integer = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  return n;
};

/** `adlerdo sandbox odoo`: a stateful fake Odoo for demos and tests (src/sandbox/odoo/README.md). */
export function sandboxOdooCommand(): Command {
  return new Command('odoo')
    .description(
      'Start a fake Odoo ERP (JSON-RPC; JSON-2 with --version 19) with the defaults of a fresh Odoo 17 database',
    )
    .addOption(
      new Option('--port <port>', 'port to listen on (0 picks a free one)')
        .default(4020)
        .argParser(integer('--port', 0, 65535)),
    )
    .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1'))
    .addOption(
      new Option('--version <major>', 'Odoo version to imitate').choices(['17', '18', '19']).default('17'),
    )
    .addOption(
      new Option('--latency <ms>', 'delay added to every API call')
        .default(0)
        .argParser(integer('--latency', 0, 60_000)),
    )
    .action(async (options: { port: number; host: string; version: string; latency: number }) => {
      const sandbox = await startOdooSandbox({
        port: options.port,
        host: options.host,
        version: Number(options.version) as SandboxVersion,
        latencyMs: options.latency,
      });
      const lines = [
        `Odoo ${sandbox.version}.0 sandbox listening on ${sandbox.url}`,
        `  database ${sandbox.database}, login ${sandbox.login}, password ${sandbox.password}, API key ${sandbox.apiKey}`,
        `  JSON-RPC: POST ${sandbox.url}/jsonrpc${sandbox.version >= 19 ? `; JSON-2: POST ${sandbox.url}/json/2/<model>/<method>` : ''}`,
        `  control: POST /_sandbox/seed, /_sandbox/ship, /_sandbox/faults, /_sandbox/reset; GET /_sandbox/state`,
        'Press Ctrl+C to stop.',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await sandbox.close();
    });
}
