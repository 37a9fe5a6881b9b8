import { Command, Option } from 'commander';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import {
  confirmCategoryBody,
  eanText,
  pictureUrlBody,
  productContentQuery,
} from '../../product-content/product-content.schemas.ts';
import {
  confirmCategory,
  listProductContent,
  resendProductContent,
  setPictureUrl,
} from '../../product-content/product-content.service.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';

type State = NonNullable<z.output<typeof productContentQuery>['state']>;
const STATES: readonly State[] = [
  'known',
  'needs_category',
  'needs_picture',
  'queued',
  'sent',
  'live',
  'refused',
];

/** The same checks as the HTTP routes, said as one line for the terminal. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError(
    'input',
    'product_content.bad_input',
    result.error.issues.map((i) => i.message).join(' '),
  );
}

/**
 * `adlerdo products list|category|picture|resend --account <name>`: products the marketplace did not know yet
 * (issue 13), as on the SKU check page.
 */
export function productsCommand(): Command {
  const products = new Command('products').description(
    'Products the marketplace does not know yet: their product data, category and picture',
  );
  const account = () => new Option('--account <name>', 'the account (name or id)').makeOptionMandatory();

  products
    .command('list')
    .description('Products waiting for product data, being checked, live or refused')
    .addOption(account())
    .addOption(new Option('--state <state>', 'only products in this state').choices([...STATES]))
    .option('--json', 'print JSON')
    .action(async (o: { account: string; state?: State; json?: boolean }) => {
      await withContext(async (ctx) => {
        const found = await ctx.accounts.get(o.account);
        const rows = await listProductContent(ctx.db, found.id, o.state);
        if (o.json)
          return printJson({ products: rows, publicUrlSet: ctx.config.ADLERDO_PUBLIC_URL !== undefined });
        if (rows.length === 0) return void process.stdout.write('No products waiting for product data.\n');
        printTable(
          rows.map((r) => ({
            EAN: r.ean,
            SKU: r.sku,
            STATE: r.state,
            // Per storefront language; "default text" when the ERP has no translation into it.
            LANGUAGES:
              r.languages
                .map((l) => `${l.language} ${l.state}${l.textLanguage === null ? ' (default text)' : ''}`)
                .join(', ') || '-',
            CATEGORY: r.category ? `${r.category.name} (${r.category.id})` : '-',
            SUGGESTED:
              r.state === 'needs_category'
                ? r.suggestions.map((s) => `${s.id} ${s.name}`).join(', ') || '-'
                : '-',
            WHY:
              r.refusals.map((x) => [x.attribute, x.value, x.reason].filter(Boolean).join(': ')).join('; ') ||
              '-',
          })),
        );
      });
    });

  products
    .command('category <ean> <categoryId>')
    .description("Confirm the product's marketplace category (also for its ERP category's other products)")
    .addOption(account())
    .option('--name <name>', 'the category name, for a category that was not suggested')
    .option('--json', 'print JSON')
    .action(
      async (ean: string, categoryId: string, o: { account: string; name?: string; json?: boolean }) => {
        const code = parsed(eanText, ean);
        const input = parsed(confirmCategoryBody, {
          categoryId,
          ...(o.name ? { categoryName: o.name } : {}),
        });
        await withContext(async (ctx) => {
          const found = await ctx.accounts.get(o.account);
          const result = await confirmCategory(ctx.db, found.id, code, input);
          if (o.json) return printJson(result);
          process.stdout.write(
            `EAN ${code}: category ${result.category.name} (${result.category.id})` +
              (result.alsoFor > 0 ? `, also for ${result.alsoFor} more of its ERP category` : '') +
              '. Sent with the next catalog run.\n',
          );
        });
      },
    );

  products
    .command('picture <ean> [url]')
    .description("Use this picture URL for the product (without a URL: the ERP's picture again)")
    .addOption(account())
    .action(async (ean: string, url: string | undefined, o: { account: string }) => {
      const code = parsed(eanText, ean);
      const body = parsed(pictureUrlBody, { url: url ?? null });
      await withContext(async (ctx) => {
        const found = await ctx.accounts.get(o.account);
        await setPictureUrl(ctx.db, found.id, code, body.url);
        process.stdout.write(`EAN ${code}: ${body.url ? `picture ${body.url}` : "the ERP's picture"}.\n`);
      });
    });

  products
    .command('resend <ean>')
    .description("Send the product's data again with the next catalog run (after fixing it in the ERP)")
    .addOption(account())
    .action(async (ean: string, o: { account: string }) => {
      const code = parsed(eanText, ean);
      await withContext(async (ctx) => {
        const found = await ctx.accounts.get(o.account);
        await resendProductContent(ctx.db, found.id, code);
        process.stdout.write(`EAN ${code}: sent again with the next catalog run.\n`);
      });
    });
  return products;
}
