import { Command, Option } from 'commander';
import type { ErpView } from '../../erp/erp-view.ts';
import { removeErpPush, setErpPushConsent } from '../../push/erp-rules.ts';
import { withContext } from '../context.ts';
import { printJson } from '../output.ts';
import { readSecret } from '../read-secret.ts';

function summary(erp: ErpView): string {
  const warehouses = erp.warehouses.map((w) => `${w.code} (${w.id})`).join(', ') || 'none';
  return [
    `${erp.type} at ${erp.url}, database ${erp.database}, login ${erp.login}, API key ${erp.apiKey}`,
    `status ${erp.status}; version ${erp.serverVersion ?? 'unknown'} over ${erp.detectedTransport ?? erp.transport}`,
    `warehouses ${warehouses}; carriers ${erp.carriers.map((c) => c.name).join(', ') || 'none'}`,
    ...(erp.statusMessage ? [erp.statusMessage] : []),
  ].join('\n');
}

const transportOption = () =>
  new Option('--transport <kind>', 'wire protocol (auto picks by server version)').choices([
    'auto',
    'jsonrpc',
    'json2',
  ]);

export function erpCommand(): Command {
  const erp = new Command('erp').description('Connect and manage the ERP (Odoo)');

  erp
    .command('connect')
    .description('Connect the ERP: signs in and reads version, warehouses and carriers before saving')
    .argument('<type>', 'ERP type, e.g. odoo')
    .requiredOption('--url <url>', 'address of the ERP, e.g. https://mycompany.odoo.com')
    .requiredOption('--db <name>', 'database name')
    .requiredOption('--login <login>', 'login of the ERP user AdlerDo acts as')
    .option('--api-key-file <path>', 'file holding the API key (else stdin or a hidden prompt)')
    .addOption(transportOption())
    .option('--json', 'print JSON')
    .action(
      async (
        type: string,
        o: {
          url: string;
          db: string;
          login: string;
          apiKeyFile?: string;
          transport?: 'auto' | 'jsonrpc' | 'json2';
          json?: boolean;
        },
      ) => {
        const apiKey = await readSecret('API key', o.apiKeyFile);
        const connected = await withContext((ctx) =>
          ctx.erp.connect({
            type,
            url: o.url,
            database: o.db,
            login: o.login,
            apiKey,
            ...(o.transport && { transport: o.transport }),
          }),
        );
        if (o.json) printJson(connected);
        else process.stdout.write(`Connected: ${summary(connected)}\n`);
      },
    );

  erp
    .command('show')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const current = await withContext((ctx) => ctx.erp.get());
      if (o.json) return printJson(current);
      process.stdout.write(
        current
          ? `${summary(current)}\n`
          : 'No ERP connected yet. Connect one with `adlerdo erp connect odoo`.\n',
      );
    });

  erp
    .command('verify')
    .description('Sign in again with the stored key')
    .action(async () => {
      const verified = await withContext((ctx) => ctx.erp.verify());
      process.stdout.write(`Verified: ${summary(verified)}\n`);
    });

  erp
    .command('update-key')
    .description('Replace the API key (the new one is proven first)')
    .option('--api-key-file <path>', 'file holding the new API key (else stdin or a hidden prompt)')
    .option('--login <login>', 'a different login')
    .action(async (o: { apiKeyFile?: string; login?: string }) => {
      const apiKey = await readSecret('New API key', o.apiKeyFile);
      const updated = await withContext((ctx) =>
        ctx.erp.updateKey({ apiKey, ...(o.login && { login: o.login }) }),
      );
      process.stdout.write(`Key updated: ${summary(updated)}\n`);
    });

  erp
    .command('set')
    .description('Change what the sync reads from the ERP')
    .option('--warehouse <id>', 'warehouse id')
    .option('--safety-buffer <units>', 'units per SKU held back from every marketplace')
    .option('--product-types <list>', 'storable,consumable')
    .action(async (o: { warehouse?: string; safetyBuffer?: string; productTypes?: string }) => {
      const settings: Record<string, unknown> = {};
      if (o.warehouse !== undefined) settings.warehouseId = o.warehouse;
      if (o.safetyBuffer !== undefined)
        settings.safetyBuffer = /^\d+$/.test(o.safetyBuffer) ? Number(o.safetyBuffer) : o.safetyBuffer;
      if (o.productTypes !== undefined)
        settings.productTypes = o.productTypes.split(',').map((t) => t.trim());
      const updated = await withContext((ctx) => ctx.erp.patch({ settings }));
      process.stdout.write(`Updated: ${summary(updated)}\n`);
    });

  erp
    .command('push')
    .description(
      'Let AdlerDo install automation rules in the ERP that call it on changes (needs ADLERDO_PUBLIC_URL)',
    )
    .addOption(
      new Option('--consent <on|off>', 'on: install the rules; off: remove them')
        .choices(['on', 'off'])
        .makeOptionMandatory(),
    )
    .option('--json', 'print the push state as JSON')
    .action(async (o: { consent: 'on' | 'off'; json?: boolean }) => {
      const push = await withContext((ctx) => setErpPushConsent(ctx, o.consent === 'on'));
      if (!push) {
        process.stderr.write('No ERP is connected. Connect one first (adlerdo erp connect).\n');
        process.exitCode = 1;
        return;
      }
      if (o.json) printJson(push);
      else
        process.stdout.write(`Push from the ERP: ${push.state}${push.message ? ` — ${push.message}` : ''}\n`);
    });

  erp
    .command('disconnect')
    .description('Remove the ERP connection and its stored key')
    .action(async () => {
      await withContext(async (ctx) => {
        // The automation rules in the ERP go first, while its key is still known.
        await removeErpPush(ctx);
        await ctx.erp.disconnect();
      });
      process.stdout.write('ERP disconnected.\n');
    });

  return erp;
}
