import { Command } from 'commander';
import { refundSchema } from '../../after-sale/after-sale-input.ts';
import { AfterSaleService } from '../../after-sale/after-sale.service.ts';
import { AppError } from '../../core/errors.ts';
import { formatMinor, minorDigits } from '../../core/money-text.ts';
import { withContext } from '../context.ts';
import { printJson } from '../output.ts';

/**
 * `adlerdo refund <order line> --amount 4.99 --reason damaged`: pays part of a unit back on the marketplace
 * (once: --key makes a retried command a no-op) and books the credit note in the ERP. The amount is in the
 * order's currency, as the buyer paid it.
 */
export function refundCommand(): Command {
  return new Command('refund')
    .description("Refund part of an order unit in the order's currency, booked as an ERP credit note")
    .argument('<order-line>', "the marketplace's id of the order unit (shown on the order page)")
    .requiredOption('--amount <amount>', "amount in the order's currency, e.g. 4.99")
    .requiredOption('--reason <reason>', "one of the marketplace's refund reasons")
    .option('--key <key>', 'idempotency key: the same key never refunds twice')
    .option('--json', 'print JSON')
    .action(async (lineId: string, o: { amount: string; reason: string; key?: string; json?: boolean }) => {
      if (!/^\d+(\.\d+)?$/.test(o.amount.trim()))
        throw new AppError('input', 'refund.bad_amount', `Not an amount: ${o.amount}. Write it like 4.99.`);
      await withContext(async (ctx) => {
        const line = await ctx.db
          .selectFrom('hub_order_lines as l')
          .innerJoin('hub_orders as o', 'o.id', 'l.order_id')
          .select(['o.id', 'o.currency'])
          .where('l.marketplace_line_id', '=', lineId)
          .executeTakeFirst();
        if (!line)
          throw new AppError('not_found', 'refund.unknown_line', `No order unit ${lineId} in AdlerDo.`);
        const digits = minorDigits(line.currency);
        const [whole = '0', fraction = ''] = o.amount.trim().split('.');
        if (fraction.length > digits)
          throw new AppError(
            'input',
            'refund.bad_amount',
            `${line.currency} has ${digits} decimals: write the amount like ${(1).toFixed(digits)}.`,
          );
        const amountMinor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
        const input = refundSchema.safeParse({
          lineId,
          amountMinor,
          reason: o.reason,
          idempotencyKey: o.key,
        });
        if (!input.success)
          throw new AppError('input', 'refund.bad_input', input.error.issues.map((i) => i.message).join(' '));
        const refund = await new AfterSaleService(ctx).refund(line.id, input.data);
        if (o.json) return printJson(refund);
        const money = formatMinor(refund.amountMinor, refund.currency);
        process.stdout.write(
          refund.repeated
            ? `Already refunded with this key: ${money}; nothing sent again.\n`
            : `Refunded ${money} on unit ${lineId}${refund.creditNote ? `; credit note ${refund.creditNote} in the ERP` : ''}.\n`,
        );
      });
    });
}
