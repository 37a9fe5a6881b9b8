import type { Logger } from '../logging/logger.ts';
import type { KauflandSandbox } from '../sandbox/kaufland/index.ts';
import { placeOrder, placeUnknownSkuOrder } from './buyers.ts';
import type { Random } from '../core/random.ts';
import type { Warehouse } from './warehouse.ts';

export interface ActivityOptions {
  /** One buyer order per tick. */
  everyMs: number;
  /** An order for the planted unknown SKU on every n-th tick (the first after a few ticks), at most 5 in all. */
  unknownSkuEvery: number;
  /** The warehouse restocks low products every n-th tick. */
  restockEvery: number;
}

const MAX_UNKNOWN_SKU_ORDERS = 5;
// A third of the buyers pay a little later: their order stays `open` for 5 ticks (~20 s), long enough to see
// its pieces reserved in AdlerDo (Offers & stock, the order's timeline) before Kaufland releases it to ship.
const OPEN_SHARE = 0.3;
const RELEASE_AFTER_TICKS = 5;
// The first unknown-SKU order comes early, so a newcomer sees an issue within the first minute.
const FIRST_UNKNOWN_SKU_TICK = 6;

/**
 * The shop's life while the demo runs: buyers order, the warehouse ships and restocks. Ticks never overlap
 * (the next is scheduled when one ends), and a failed tick is logged and the next one tried: a demo must
 * keep going when, say, a product just sold out between reading and ordering.
 */
export function startActivity(
  parts: {
    kaufland: KauflandSandbox;
    clientKey: string;
    storefronts: readonly string[];
    warehouse: Warehouse;
    random: Random;
    logger: Logger;
  },
  options: ActivityOptions,
): { stop(): Promise<void> } {
  const { kaufland, clientKey, storefronts, warehouse, random, logger } = parts;
  let tick = 0;
  let unknownSkuOrders = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const unpaid: { units: number[]; releaseAt: number }[] = [];

  const step = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      logger.debug({ err: error }, `demo: ${what} skipped this time`);
    }
  };

  const once = () => {
    tick += 1;
    step('order', () => {
      const open = random.chance(OPEN_SHARE);
      const order = placeOrder(kaufland, clientKey, storefronts, random, open ? 'open' : undefined);
      if (order) logger.debug({ order: order.id_order, open }, 'demo: order placed');
      if (order && open)
        unpaid.push({
          units: order.order_units.map((u) => u.id_order_unit),
          releaseAt: tick + RELEASE_AFTER_TICKS,
        });
    });
    step('payment', () => {
      while (unpaid.length > 0 && unpaid[0]!.releaseAt <= tick) {
        const { units } = unpaid.shift()!;
        const stillOpen = new Set(
          kaufland
            .state()
            .order_units.filter((u) => u.status === 'open')
            .map((u) => u.id_order_unit),
        );
        for (const id of units) if (stillOpen.has(id)) kaufland.setOrderUnitStatus(id, 'need_to_be_sent');
      }
    });
    const unknownDue =
      tick === FIRST_UNKNOWN_SKU_TICK ||
      (tick > FIRST_UNKNOWN_SKU_TICK && tick % options.unknownSkuEvery === 0);
    if (unknownDue && unknownSkuOrders < MAX_UNKNOWN_SKU_ORDERS)
      step('unknown-SKU order', () => {
        if (placeUnknownSkuOrder(kaufland, clientKey)) unknownSkuOrders += 1;
      });
    step('shipping', () => void warehouse.shipDue(Date.now()));
    if (tick % options.restockEvery === 0) step('restock', () => void warehouse.restock());
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = Promise.resolve().then(once).finally(schedule);
    }, options.everyMs);
    // The demo never keeps a process alive on its own: the server (or the test) decides when to end.
    timer.unref();
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
