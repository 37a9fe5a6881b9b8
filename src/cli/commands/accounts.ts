import { Command, Option } from 'commander';
import type { AccountView } from '../../accounts/account-view.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { readSecret } from '../read-secret.ts';
import { priceRulePatch } from './price-rule-flag.ts';
import { shippingPatch } from './shipping-flag.ts';

const onOff = (flag: string, description: string) =>
  new Option(`--${flag} <on|off>`, description).choices(['on', 'off']);

function summary(account: AccountView): string {
  const verified = account.lastVerifiedAt ?? 'never';
  return `${account.name} (${account.type}) — ${account.status}; Client ID ${account.clientId}; storefronts ${account.storefronts.join(', ') || 'none'}; last verified ${verified}`;
}

export function accountsCommand(): Command {
  const accounts = new Command('accounts').description('Connect and manage marketplace accounts');

  accounts
    .command('add')
    .description('Connect an account; the keys are proven with a signed call before anything is stored')
    .argument('<type>', 'account type, e.g. kaufland')
    .requiredOption('--name <name>', 'a distinctive name, e.g. "Kaufland DE Account"')
    .requiredOption('--client-id <id>', 'the Client ID (Client key) from the Seller Portal')
    .option('--client-secret-file <path>', 'file holding the Client Secret (else stdin or a hidden prompt)')
    .option('--base-url <url>', 'the API root including /v2 (default: the live Kaufland API)')
    .option('--json', 'print the account as JSON')
    .action(
      async (
        type: string,
        o: { name: string; clientId: string; clientSecretFile?: string; baseUrl?: string; json?: boolean },
      ) => {
        const clientSecret = await readSecret('Client Secret', o.clientSecretFile);
        const account = await withContext((ctx) =>
          ctx.accounts.add({ type, name: o.name, clientId: o.clientId, clientSecret, baseUrl: o.baseUrl }),
        );
        if (o.json) printJson(account);
        else process.stdout.write(`Connected: ${summary(account)}\n`);
      },
    );

  accounts
    .command('list')
    .description('List connected accounts (Client IDs masked)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await withContext((ctx) => ctx.accounts.list());
      if (o.json) return printJson(list);
      if (list.length === 0)
        return void process.stdout.write(
          'No accounts connected yet. Add one with `adlerdo accounts add kaufland`.\n',
        );
      printTable(
        list.map((a) => ({
          name: a.name,
          type: a.type,
          clientId: a.clientId,
          status: a.status,
          storefronts: a.storefronts.join(','),
          lastVerified: a.lastVerifiedAt ?? 'never',
        })),
      );
    });

  accounts
    .command('show')
    .argument('<name>', 'account name or id')
    .option('--json', 'print JSON')
    .action(async (name: string, o: { json?: boolean }) => {
      const account = await withContext((ctx) => ctx.accounts.get(name));
      if (o.json) printJson(account);
      else
        process.stdout.write(
          `${summary(account)}\n${account.statusMessage ? `${account.statusMessage}\n` : ''}`,
        );
    });

  accounts
    .command('verify')
    .description('Re-check the stored keys with a signed call')
    .argument('<name>', 'account name or id')
    .action(async (name: string) => {
      const account = await withContext((ctx) => ctx.accounts.verify(name));
      process.stdout.write(`Verified: ${summary(account)}\n`);
    });

  accounts
    .command('carriers')
    .description("List the marketplace's carrier codes (for --default-carrier and --map-carrier)")
    .argument('<name>', 'account name or id')
    .action(async (name: string) => {
      const codes = await withContext((ctx) => ctx.accounts.carrierCodes(name));
      process.stdout.write(`${codes.join('\n')}\n`);
    });

  accounts
    .command('update-keys')
    .description(
      'Replace the keys after "Generate new API keys" in the Seller Portal (the new pair is proven first)',
    )
    .argument('<name>', 'account name or id')
    .requiredOption('--client-id <id>', 'the new Client ID (Kaufland replaces both keys together)')
    .option(
      '--client-secret-file <path>',
      'file holding the new Client Secret (else stdin or a hidden prompt)',
    )
    .action(async (name: string, o: { clientId: string; clientSecretFile?: string }) => {
      const clientSecret = await readSecret('New Client Secret', o.clientSecretFile);
      const account = await withContext((ctx) =>
        ctx.accounts.updateCredentials(name, { clientId: o.clientId, clientSecret }),
      );
      process.stdout.write(`Keys updated: ${summary(account)}\n`);
    });

  accounts
    .command('remove')
    .description(
      'Delete an account and its stored keys; its offers stay live at their last stock unless --zero-offers',
    )
    .argument('<name>', 'account name or id')
    .option('--zero-offers', 'first set the amount of every offer of the account to 0 on the marketplace')
    .action(async (name: string, o: { zeroOffers?: boolean }) => {
      await withContext((ctx) => ctx.accounts.remove(name, { zeroOffers: o.zeroOffers === true }));
      process.stdout.write(`Removed "${name}".\n`);
    });

  accounts
    .command('set')
    .description('Change sync switches and settings')
    .argument('<name>', 'account name or id')
    .addOption(onOff('product-stock-sync', 'sync products and stock to the marketplace'))
    .addOption(onOff('order-import', 'import marketplace orders into the ERP'))
    .addOption(onOff('shipment-confirmation', 'confirm shipments with tracking numbers'))
    .addOption(onOff('invoice-on-shipment', 'create and post the ERP invoice once an order has shipped'))
    .addOption(onOff('auto-accept-returns', 'accept a return once the ERP booked it back in stock'))
    .addOption(onOff('post-credit-notes', 'post the credit notes of returns and refunds (off: drafts)'))
    .option('--storefronts <list>', 'storefronts to sync, comma-separated (e.g. de,cz), or "all"')
    .option(
      '--handling-time <[storefront:]days>',
      'handling time in days (0–100); with storefront: (e.g. cz:4) that storefront’s own, cz:account drops it',
      collect,
    )
    .option(
      '--shipping-group <[storefront:]id>',
      'shipping group id, or "none" for the shop’s default; with storefront: (e.g. cz:12) that storefront’s own',
      collect,
    )
    .option(
      '--default-carrier <code>',
      "carrier code for deliveries that name no ERP carrier; one of the marketplace's codes (accounts carriers)",
    )
    .option(
      '--map-carrier <erp=code...>',
      'map ERP carrier names to marketplace carrier codes (replaces the mapping; codes as in accounts carriers); an unmapped ERP carrier waits as an issue',
    )
    .option('--safety-buffer <units>', 'units per SKU kept back from the marketplace')
    .option(
      '--price-rule <[storefront:]key=value,...>',
      'price rule: factor, surcharge (cents), rounding (none|up_99|up_95|up_90|whole), minimum (cents|none); with storefront: (e.g. cz:) in its currency, cz:account drops it',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--rename <name>', 'give the account another name')
    .option('--base-url <url>', 'another API root; proven with the stored keys before it is saved')
    .option('--json', 'print the account as JSON')
    .action(async (name: string, o: Record<string, string | string[] | boolean | undefined>) => {
      const settings = settingsPatch(o);
      const account = await withContext((ctx) =>
        ctx.accounts.patch(name, {
          settings,
          ...(typeof o.rename === 'string' && { name: o.rename }),
          ...(typeof o.baseUrl === 'string' && { baseUrl: o.baseUrl }),
        }),
      );
      if (o.json) printJson(account);
      else process.stdout.write(`Updated: ${summary(account)}\n`);
    });

  return accounts;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Both shipping flags may name one storefront (`--handling-time cz:4 --shipping-group cz:12`): merge them. */
function mergeShipping(patch: Record<string, unknown>, more: Record<string, unknown>): void {
  const { storefrontShipping, ...rest } = more as { storefrontShipping?: Record<string, unknown> };
  Object.assign(patch, rest);
  if (storefrontShipping === undefined) return;
  const own = (patch.storefrontShipping ??= {}) as Record<string, unknown>;
  for (const [storefront, change] of Object.entries(storefrontShipping)) {
    const before = own[storefront];
    own[storefront] =
      change === null || before === null || before === undefined ? change : { ...before, ...change };
  }
}

/** Flags → the same settings patch the API takes; the service validates the values. */
function settingsPatch(o: Record<string, string | string[] | boolean | undefined>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const flag = (key: string) => (typeof o[key] === 'string' ? o[key] : undefined);
  const toggle = (key: string, field: string) => {
    if (flag(key) !== undefined) patch[field] = flag(key) === 'on';
  };
  const int = (value: string) => (/^-?\d+$/.test(value) ? Number(value) : value);
  toggle('productStockSync', 'productStockSync');
  toggle('orderImport', 'orderImport');
  toggle('shipmentConfirmation', 'shipmentConfirmation');
  toggle('invoiceOnShipment', 'invoiceOnShipment');
  toggle('autoAcceptReturns', 'autoAcceptReturns');
  toggle('postCreditNotes', 'postCreditNotes');
  const storefronts = flag('storefronts');
  if (storefronts !== undefined)
    patch.storefronts =
      storefronts === 'all' ? null : storefronts.split(',').map((s) => s.trim().toLowerCase());
  mergeShipping(patch, Array.isArray(o.handlingTime) ? shippingPatch('--handling-time', o.handlingTime) : {});
  mergeShipping(
    patch,
    Array.isArray(o.shippingGroup) ? shippingPatch('--shipping-group', o.shippingGroup) : {},
  );
  const carrier = flag('defaultCarrier');
  if (carrier !== undefined) patch.defaultCarrier = carrier;
  const buffer = flag('safetyBuffer');
  if (buffer !== undefined) patch.safetyBuffer = int(buffer);
  if (Array.isArray(o.priceRule)) Object.assign(patch, priceRulePatch(o.priceRule));
  if (Array.isArray(o.mapCarrier)) {
    patch.carrierMapping = Object.fromEntries(
      o.mapCarrier.map((pair) => pair.split('=').map((s) => s.trim())),
    );
  }
  return patch;
}
