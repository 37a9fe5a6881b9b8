import type { OrderDetail } from '../dashboard-types.ts';
import { formatMoney } from './money.ts';

export type MilestoneState = 'done' | 'partial' | 'waiting' | 'held' | 'cancelled';

export interface Milestone {
  key: 'placed' | 'stored' | 'reserved' | 'in_erp' | 'shipped' | 'confirmed' | 'cancelled';
  title: string;
  state: MilestoneState;
  at: string | undefined;
  detail: string | undefined;
}

/**
 * "Total CZK 1,548.00, VAT CZK 247.16. Tax correction: …. ": what the ERP booked, in its currency, and what
 * AdlerDo had to change so that total is the buyer's (issue 10).
 */
function erpBooking(order: OrderDetail['order']): string {
  if (order.erpTotalMinor === null || order.erpCurrency === null) return '';
  const vat = order.erpTaxMinor === null ? '' : `, VAT ${formatMoney(order.erpTaxMinor, order.erpCurrency)}`;
  const correction = order.erpCorrection ? ` Tax correction: ${order.erpCorrection}.` : '';
  return `Total ${formatMoney(order.erpTotalMinor, order.erpCurrency)}${vat}.${correction} `;
}

/**
 * The order's way through the cycle as fixed milestones (placed → stored → reserved → in the ERP → shipped →
 * confirmed), each done with its time or still waiting, so the seller sees where it stands and what comes
 * next. Orders with several units are shipped and confirmed per unit: "2 of 3 units" until all are.
 */
export function orderMilestones(detail: OrderDetail, marketplace: string, erp: string): Milestone[] {
  const { order, lines, timeline } = detail;
  const first = (event: string) => timeline.find((e) => e.event === event)?.at;
  const last = (event: string) => timeline.findLast((e) => e.event === event)?.at;
  const live = lines.filter((l) => l.status !== 'cancelled');
  const shipped = live.filter((l) => l.status === 'shipped' || l.status === 'confirmed');
  const confirmed = live.filter((l) => l.status === 'confirmed');
  const progress = (done: number): MilestoneState =>
    live.length > 0 && done === live.length ? 'done' : done > 0 ? 'partial' : 'waiting';
  const ofUnits = (done: number) =>
    live.length > 1 && done < live.length ? `${done} of ${live.length} units. ` : '';
  const carriers = [...new Set(shipped.map((l) => l.carrier).filter(Boolean))];
  const tracking = [...new Set(shipped.flatMap((l) => l.trackingNumbers))];
  const shippedWith =
    shipped.length > 0
      ? `With ${carriers.join(', ') || 'a carrier'}${tracking.length > 0 ? `, tracking ${tracking.join(', ')}` : ''}.`
      : undefined;
  const held = order.state === 'held';
  const notReleased = order.state === 'open';
  const reserved = timeline.find((e) => e.event === 'reserved');
  const released = timeline.find((e) => e.event === 'released');
  const reservedDetail = !reserved
    ? undefined
    : released
      ? first('in_erp')
        ? `${reserved.detail}, held back from every account's offers until ${erp} took the reservation over.`
        : `${reserved.detail}, given back to the offers when the order was cancelled.`
      : `${reserved.detail}, held back from every account's offers until ${erp} reserves them.`;

  const milestones: Milestone[] = [
    {
      key: 'placed',
      title: `Placed on ${marketplace}`,
      state: 'done',
      at: first('placed'),
      detail: `Storefront ${order.channel.toUpperCase()}, order ${order.marketplaceOrderId}.`,
    },
    {
      key: 'stored',
      title: 'Stored by AdlerDo',
      state: 'done',
      at: first('stored'),
      detail: 'In the order ledger, before anything is sent to the ERP.',
    },
    ...(reserved
      ? [
          {
            key: 'reserved' as const,
            title: 'Reserved by AdlerDo',
            state: 'done' as const,
            at: reserved.at,
            detail: reservedDetail,
          },
        ]
      : []),
    {
      key: 'in_erp',
      title: order.erpOrderName
        ? `Sale order ${order.erpOrderName} created and confirmed in ${erp}`
        : `Sale order created and confirmed in ${erp}`,
      state: first('in_erp') ? 'done' : held ? 'held' : 'waiting',
      at: first('in_erp'),
      detail: held
        ? `Held: ${order.holdReason ?? 'see the issue below'}.`
        : first('in_erp')
          ? `${erpBooking(order)}Confirming it reserved the stock: ${erp} took the reservation over from AdlerDo.`
          : notReleased
            ? `Waiting until ${marketplace} releases the order to ship (the buyer's address comes with it).`
            : undefined,
    },
    {
      key: 'shipped',
      title: 'Shipped',
      state: progress(shipped.length),
      at: last('shipped'),
      detail: shipped.length > 0 ? `${ofUnits(shipped.length)}${shippedWith ?? ''}` : undefined,
    },
    {
      key: 'confirmed',
      title: `Confirmed on ${marketplace}`,
      state: progress(confirmed.length),
      at: last('confirmed'),
      detail:
        confirmed.length > 0
          ? `${ofUnits(confirmed.length)}The buyer can follow the parcel; ${marketplace} releases the payment.`
          : undefined,
    },
  ];
  if (order.state === 'cancelled' || lines.some((l) => l.status === 'cancelled'))
    milestones.push({
      key: 'cancelled',
      title: `Cancelled on ${marketplace}`,
      state: 'cancelled',
      at: last('cancelled'),
      detail:
        live.length > 0
          ? `${lines.length - live.length} of ${lines.length} units cancelled.`
          : 'The whole order was cancelled.',
    });
  return milestones;
}
