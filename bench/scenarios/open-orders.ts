import { skuOf } from '../catalog.ts';
import { measure, total } from '../meter.ts';
import type { Bench, ScenarioResult } from './types.ts';

/**
 * (5) The steady cycle with the reservation ledger busy (issue 15): `openOrders` one-piece orders are bought on
 * Kaufland and not released to ship (`open`: Odoo knows nothing of them); one orders step stores them (not
 * measured). Then `share` of the SKUs get a new stock count in Odoo and ONE stock cycle runs. The amounts it
 * has to send are the changed SKUs' and the bought ones' (their reserved count changed, and Kaufland lowered
 * the buyer's account itself, so the hub confirms the amount it wants). Target: ≤ ⌈those SKUs/150⌉ + 5
 * Kaufland calls, ≤ 10 ERP calls, and every one of them shows Odoo's free quantity minus its open pieces.
 */
export async function openOrdersCycle(
  bench: Bench,
  share: number,
  openOrders: number,
): Promise<ScenarioResult> {
  const count = Math.max(1, Math.round(bench.skus * share));
  const name = `5. steady stock cycle, ${(share * 100).toFixed(share < 0.01 ? 2 : 0)} % changed, ${openOrders} open orders`;
  const bought = await bench.sandboxes.call('createOrders', { count: openOrders, units: 1, status: 'open' });
  const open = new Map<string, number>();
  for (const sku of bought.flatMap((order) => order.skus)) open.set(sku, (open.get(sku) ?? 0) + 1);
  const stored = await bench.hub.run('orders', {});
  if (stored.status !== 'succeeded') throw new Error(`orders step ${stored.status}`);
  // Another spread of SKUs than the steady cycle's (every 1/share-th one, shifted by half a stride).
  const stride = bench.skus / count;
  const changed = Array.from({ length: count }, (_, i) => skuOf(Math.floor((i + 0.5) * stride)));
  await bench.sandboxes.call('changeStock', { skus: changed });
  bench.log(`open orders: ${openOrders} stored, ${count} SKUs changed in Odoo`);
  const { measurement, result } = await measure(name, bench.hub, bench.sandboxes, bench.log, (run) =>
    run('stock'),
  );

  const skus = [...new Set([...changed, ...open.keys()])];
  const [amounts, free] = await Promise.all([
    bench.sandboxes.call('kauflandAmounts', { skus }),
    bench.sandboxes.call('odooFree', { skus }),
  ]);
  const right = skus.filter(
    (sku) => amounts[sku] === Math.max(0, Math.floor(free[sku] ?? 0) - (open.get(sku) ?? 0)),
  ).length;
  const kaufland = total(measurement.kaufland);
  const erp = total(measurement.erp);
  const maxKaufland = Math.ceil(skus.length / 150) + 5;
  return {
    name,
    skus: bench.skus,
    changes: skus.length,
    measurement,
    target: {
      text: `≤ ${maxKaufland} Kaufland (⌈${skus.length}/150⌉+5), ≤ 10 ERP calls, amounts = free − open`,
      pass: kaufland <= maxKaufland && erp <= 10 && right === skus.length,
    },
    notes: [
      `open orders: ${right}/${skus.length} changed or bought SKUs show Odoo's free quantity minus their open pieces` +
        ` on Kaufland (${open.size} SKUs bought; hub counts: updated ${result.counts.updated}, failed ${result.counts.failed}).`,
    ],
  };
}
