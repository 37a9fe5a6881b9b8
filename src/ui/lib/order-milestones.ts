import type { AfterSale } from '../after-sale-api.ts';
import type { OrderDetail } from '../dashboard-types.ts';
import { i18n } from '../i18n/index.ts';
import { formatMoney } from './money.ts';
import { holdReasonText } from './issue-catalog.ts';
import { refundReasonText, returnReasonText } from './reason-text.ts';
import { erpCorrectionText } from './erp-correction.ts';

export type MilestoneState = 'done' | 'partial' | 'waiting' | 'held' | 'cancelled';

export type AfterSaleMilestoneKey = AfterSale['events'][number]['event'];

export interface Milestone {
  key:
    | 'placed'
    | 'stored'
    | 'reserved'
    | 'in_erp'
    | 'shipped'
    | 'confirmed'
    | 'cancelled'
    | AfterSaleMilestoneKey;
  title: string;
  state: MilestoneState;
  at: string | undefined;
  detail: string | undefined;
  /** The ERP document it is about (invoice, credit note, return receipt), shown with the title. */
  document?: string | null;
}

const say = (key: string, values: Record<string, unknown> = {}) =>
  i18n.t(`milestone.${key}`, { ns: 'order', ...values });

/**
 * "Total CZK 1,548.00, VAT CZK 247.16. Tax correction: …. ": what the ERP booked, in its currency, and what
 * AdlerDo had to change so that total is the buyer's (issue 10).
 */
function erpBooking(order: OrderDetail['order']): string {
  if (order.erpTotalMinor === null || order.erpCurrency === null) return '';
  const vat =
    order.erpTaxMinor === null
      ? ''
      : say('bookingVat', { vat: formatMoney(order.erpTaxMinor, order.erpCurrency) });
  const correction =
    order.erpCorrections.length > 0
      ? say('bookingCorrection', { correction: erpCorrectionText(order.erpCorrections) })
      : '';
  return say('booking', { total: formatMoney(order.erpTotalMinor, order.erpCurrency), vat, correction });
}

/**
 * The order's way through the cycle as fixed milestones (placed → stored → reserved → in the ERP → shipped →
 * confirmed), each done with its time or still waiting, so the seller sees where it stands and what comes
 * next. Orders with several units are shipped and confirmed per unit: "2 of 3 units" until all are. After the
 * sale, what happened since follows in time order (afterSaleMilestones).
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
    live.length > 1 && done < live.length ? say('ofUnits', { done, total: live.length }) : '';
  const carriers = [...new Set(shipped.map((l) => l.carrier).filter(Boolean))];
  const tracking = [...new Set(shipped.flatMap((l) => l.trackingNumbers))];
  const carrier = carriers.join(', ') || say('aCarrier');
  const shippedWith =
    shipped.length > 0
      ? tracking.length > 0
        ? say('shippedWithTracking', { carrier, tracking: tracking.join(', ') })
        : say('shippedWith', { carrier })
      : undefined;
  const held = order.state === 'held';
  const notReleased = order.state === 'open';
  const reserved = timeline.find((e) => e.event === 'reserved');
  const released = timeline.find((e) => e.event === 'released');
  const reservedDetail = !reserved
    ? undefined
    : released
      ? first('in_erp')
        ? say('reservedUntilErp', { what: reserved.detail, erp })
        : say('reservedGivenBack', { what: reserved.detail })
      : say('reservedWaiting', { what: reserved.detail, erp });

  const milestones: Milestone[] = [
    {
      key: 'placed',
      title: say('placed', { marketplace }),
      state: 'done',
      at: first('placed'),
      detail: say('placedDetail', { storefront: order.channel.toUpperCase(), id: order.marketplaceOrderId }),
    },
    {
      key: 'stored',
      title: say('stored'),
      state: 'done',
      at: first('stored'),
      detail: say('storedDetail'),
    },
    ...(reserved
      ? [
          {
            key: 'reserved' as const,
            title: say('reserved'),
            state: 'done' as const,
            at: reserved.at,
            detail: reservedDetail,
          },
        ]
      : []),
    {
      key: 'in_erp',
      title: order.erpOrderName
        ? say('inErpNamed', { name: order.erpOrderName, erp })
        : say('inErp', { erp }),
      state: first('in_erp') ? 'done' : held ? 'held' : 'waiting',
      at: first('in_erp'),
      detail: held
        ? say('heldDetail', { reason: holdReasonText(order) ?? say('heldNoReason') })
        : first('in_erp')
          ? say('inErpDetail', { booking: erpBooking(order), erp })
          : notReleased
            ? say('notReleased', { marketplace })
            : undefined,
    },
    {
      key: 'shipped',
      title: say('shipped'),
      state: progress(shipped.length),
      at: last('shipped'),
      detail: shipped.length > 0 ? `${ofUnits(shipped.length)}${shippedWith ?? ''}` : undefined,
    },
    {
      key: 'confirmed',
      title: say('confirmed', { marketplace }),
      state: progress(confirmed.length),
      at: last('confirmed'),
      detail:
        confirmed.length > 0
          ? say('confirmedDetail', { units: ofUnits(confirmed.length), marketplace })
          : undefined,
    },
  ];
  if (order.state === 'cancelled' || lines.some((l) => l.status === 'cancelled'))
    milestones.push({
      key: 'cancelled',
      title: say('cancelled', { marketplace }),
      state: 'cancelled',
      at: last('cancelled'),
      detail:
        live.length > 0
          ? say('cancelledSome', { cancelled: lines.length - live.length, total: lines.length })
          : say('cancelledAll'),
    });
  return milestones;
}

/**
 * After the sale, in time order: invoices and credit notes uploaded, returns announced → arrived → booked back
 * in the ERP → accepted or rejected, credit notes, refunds; each with the ERP document's name and the time.
 */
export function afterSaleMilestones(afterSale: AfterSale, marketplace: string, erp: string): Milestone[] {
  return afterSale.events.map((event) => {
    const document = event.document ?? '';
    const title =
      event.event === 'refund' && event.document
        ? say('refundBooked', { document, erp })
        : say(event.event, { document, marketplace, erp });
    return {
      key: event.event,
      title,
      state: event.event === 'return_rejected' ? 'cancelled' : 'done',
      at: event.at,
      detail: afterSaleDetail(event),
      document: event.document,
    };
  });
}

function afterSaleDetail(event: AfterSale['events'][number]): string {
  const f = event.facts;
  const detail = (key: string, values: Record<string, unknown> = {}) =>
    i18n.t(`afterSaleDetail.${key}`, { ns: 'order', ...values });
  if (f.fileName) return detail('fileName', { fileName: f.fileName });
  if (event.event === 'refund' && f.amountMinor !== undefined && f.currency)
    return detail('refund', {
      amount: formatMoney(f.amountMinor, f.currency),
      sku: f.sku ?? '–',
      lineId: f.lineId,
      reason: f.reason ? refundReasonText(f.reason) : '–',
    });
  if (!f.units) return '';
  const units = f.units
    .map(
      (u) =>
        detail('unit', { sku: u.sku ?? '–', lineId: u.lineId }) +
        (u.reason ? detail('reason', { reason: returnReasonText(u.reason) }) : ''),
    )
    .join('; ');
  return [
    detail('return', { returnId: f.returnId, units }),
    f.message ? detail('message', { message: f.message }) : '',
  ].join('');
}
