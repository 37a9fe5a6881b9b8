import type { Selectable } from 'kysely';
import type { HubOrderLinesTable, HubOrdersTable } from '../store/schema.ts';
import type { TimelineEvent } from './orders.queries.ts';

/**
 * The order's reservation on its timeline: when its pieces were reserved in the hub (stored: from then on the
 * stock step holds them back from every account's offers) and when the reservation ended — the ERP took it over
 * when its sale order was confirmed, or it was given back because the order was cancelled before that.
 */
export function reservationEvents(
  order: Selectable<HubOrdersTable>,
  lines: readonly Selectable<HubOrderLinesTable>[],
): TimelineEvent[] {
  const pieces = new Map<string, number>();
  for (const line of lines) {
    const sku = line.sku ?? '(no SKU)';
    pieces.set(sku, (pieces.get(sku) ?? 0) + 1);
  }
  if (pieces.size === 0) return [];
  const events: TimelineEvent[] = [
    {
      event: 'reserved',
      at: order.received_at.toISOString(),
      detail: [...pieces].map(([sku, n]) => `${n} × ${sku}`).join(', '),
    },
  ];
  if (order.erp_created_at)
    events.push({
      event: 'released',
      at: order.erp_created_at.toISOString(),
      detail: `Taken over by the ERP: sale order ${order.erp_order_name ?? ''} confirmed`,
    });
  else if (order.state === 'cancelled') {
    const cancelled = lines.flatMap((l) => (l.cancelled_at ? [l.cancelled_at.getTime()] : []));
    const at = cancelled.length > 0 ? new Date(Math.max(...cancelled)) : order.updated_at;
    events.push({
      event: 'released',
      at: at.toISOString(),
      detail: 'Given back: the order was cancelled before it reached the ERP',
    });
  }
  return events;
}
