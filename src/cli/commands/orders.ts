import { Command, Option } from 'commander';
import { formatMinor } from '../../core/money-text.ts';
import { ORDER_STATES } from '../../http/schemas/views.schemas.ts';
import { listOrders } from '../../views/orders.queries.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';

/**
 * `adlerdo orders list`: the Orders page in a terminal. Every amount carries its currency code ("1548.00 CZK"):
 * what the buyer paid, and what the ERP booked once the sale order exists.
 */
export function ordersCommand(): Command {
  const orders = new Command('orders').description('Marketplace orders and their ERP sale orders');
  orders
    .command('list')
    .description('The newest orders first, with the buyer total and the ERP total in their currencies')
    .addOption(new Option('--state <state>', 'only orders in this state').choices([...ORDER_STATES]))
    .option('--search <text>', 'order id, ERP order name, buyer name or e-mail')
    .option('--limit <n>', 'at most this many (1-500)', '50')
    .option('--json', 'print JSON (amounts as minor units with their currency code)')
    .action(
      async (o: {
        state?: (typeof ORDER_STATES)[number];
        search?: string;
        limit: string;
        json?: boolean;
      }) => {
        const pageSize = Math.min(500, Math.max(1, Number.parseInt(o.limit, 10) || 50));
        await withContext(async (ctx) => {
          const { orders: rows, total } = await listOrders(ctx.db, {
            ...(o.state ? { state: o.state } : {}),
            ...(o.search ? { q: o.search } : {}),
            page: 1,
            pageSize,
          });
          if (o.json) return printJson({ total, orders: rows });
          printTable(
            rows.map((r) => ({
              ORDER: r.marketplaceOrderId,
              CHANNEL: r.channel.toUpperCase(),
              STATE: r.state,
              TOTAL: formatMinor(r.totalMinor, r.currency),
              'ERP ORDER': r.erpOrderName ?? '-',
              'ERP TOTAL':
                r.erpTotalMinor === null || r.erpCurrency === null
                  ? '-'
                  : formatMinor(r.erpTotalMinor, r.erpCurrency),
            })),
          );
        });
      },
    );
  return orders;
}
