import { skuOf } from '../catalog.ts';
import { measure, total } from '../meter.ts';
import type { Bench, ScenarioResult } from './types.ts';

/**
 * (2) The steady cycle the issue sets its target on: `share` of the SKUs (every 1/share-th one, spread over the
 * catalog) get a new stock count in Odoo, then ONE stock cycle runs. Target: ≤ ⌈changes/150⌉ + 5 Kaufland calls
 * (bulk updates of 150 plus at most 5 look-ups) and ≤ 10 ERP calls.
 */
export async function steadyCycle(bench: Bench, share: number): Promise<ScenarioResult> {
  const count = Math.max(1, Math.round(bench.skus * share));
  const name = `2b. steady stock cycle, ${(share * 100).toFixed(share < 0.01 ? 2 : 0)} % changed`;
  const stride = bench.skus / count;
  const skus = Array.from({ length: count }, (_, i) => skuOf(Math.floor(i * stride)));
  const changes = await bench.sandboxes.call('changeStock', { skus });
  bench.log(`steady stock cycle: ${count} SKUs changed in Odoo`);
  const { measurement, result } = await measure(name, bench.hub, bench.sandboxes, bench.log, (run) =>
    run('stock'),
  );

  const amounts = await bench.sandboxes.call('kauflandAmounts', { skus });
  const right = changes.filter((c) => amounts[c.sku] === c.freeQty).length;
  const kaufland = total(measurement.kaufland);
  const erp = total(measurement.erp);
  const maxKaufland = Math.ceil(count / 150) + 5;
  return {
    name,
    skus: bench.skus,
    changes: count,
    measurement,
    target: {
      text: `≤ ${maxKaufland} Kaufland (⌈${count}/150⌉+5), ≤ 10 ERP calls`,
      pass: kaufland <= maxKaufland && erp <= 10,
    },
    notes: [
      `steady: ${right}/${count} changed SKUs show Odoo's new free quantity on Kaufland afterwards` +
        ` (hub counts: read ${result.counts.read}, updated ${result.counts.updated}, failed ${result.counts.failed}).`,
    ],
  };
}
