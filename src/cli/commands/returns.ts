import { Command, Option } from 'commander';
import { RETURN_OUTCOMES, returnAnswerSchema, type ReturnAnswer } from '../../after-sale/after-sale-input.ts';
import { AfterSaleService } from '../../after-sale/after-sale.service.ts';
import { AppError } from '../../core/errors.ts';
import { listReturns, RETURN_STATUSES } from '../../views/after-sale.queries.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';

/**
 * `adlerdo returns list|accept|reject|clarify|repair`: the Returns page in a terminal. Ids are the hub's, as
 * `returns list` prints them; reject and clarify send the buyer a message and need one.
 */
export function returnsCommand(): Command {
  const returns = new Command('returns').description("Buyers' returns and the seller's answers to them");
  returns
    .command('list')
    .description('Return lines, those waiting for an answer first')
    .addOption(new Option('--status <status>', 'only lines in this status').choices([...RETURN_STATUSES]))
    .option('--limit <n>', 'at most this many (1-200)', '50')
    .option('--json', 'print JSON')
    .action(async (o: { status?: (typeof RETURN_STATUSES)[number]; limit: string; json?: boolean }) => {
      const pageSize = Math.min(200, Math.max(1, Number.parseInt(o.limit, 10) || 50));
      await withContext(async (ctx) => {
        const { returns: rows, total } = await listReturns(ctx.db, {
          ...(o.status ? { status: o.status } : {}),
          page: 1,
          pageSize,
        });
        if (o.json) return printJson({ total, returns: rows });
        if (rows.length === 0) return void process.stdout.write('No returns.\n');
        printTable(
          rows.map((r) => ({
            ID: r.id,
            ORDER: r.marketplaceOrderId,
            SKU: r.sku ?? '-',
            REASON: r.reason ?? '-',
            STATUS: r.status,
            'ERP RECEIPT': r.erpReturnName ? `${r.erpReturnName}${r.erpReturnDoneAt ? ' (done)' : ''}` : '-',
            TRACKING: r.trackingNumbers.join(', ') || '-',
            'CREDIT NOTE': r.creditNote ?? '-',
          })),
        );
      });
    });
  for (const outcome of RETURN_OUTCOMES) {
    const needsMessage = outcome === 'reject' || outcome === 'clarify';
    const command = returns
      .command(`${outcome} <id>`)
      .description(DESCRIPTIONS[outcome])
      .option('--json', 'print JSON');
    if (needsMessage) command.requiredOption('--message <text>', 'what the buyer reads: why');
    else command.option('--message <text>', 'a note to the buyer');
    command.action(async (id: string, o: { message?: string; json?: boolean }) => {
      if (!/^[1-9]\d{0,18}$/.test(id))
        throw new AppError(
          'input',
          'return.bad_id',
          `Not a return line id: ${id}. See \`adlerdo returns list\`.`,
        );
      const answer = returnAnswerSchema.safeParse({ outcome, message: o.message });
      if (!answer.success)
        throw new AppError('input', 'return.bad_answer', answer.error.issues.map((i) => i.message).join(' '));
      await withContext(async (ctx) => {
        const result = await new AfterSaleService(ctx).answerReturn(id, answer.data);
        if (o.json) return printJson(result);
        process.stdout.write(`Return line ${id}: ${result.status} on the marketplace.\n`);
      });
    });
  }
  return returns;
}

const DESCRIPTIONS: Record<ReturnAnswer, string> = {
  accept: 'Accept the returned item (its credit note follows in the ERP)',
  reject: 'Reject the return, telling the buyer why (--message)',
  clarify: 'Ask the buyer for clarification (--message)',
  repair: 'Send the item to repair',
};
