import { measure, total } from '../meter.ts';
import type { Bench, ScenarioResult } from './types.ts';

// The target for a first listing: ≥ 100 unit creations per second, never a 429.
const MIN_CREATES_PER_SECOND = 100;

/**
 * (1) The first stock cycle: the hub's catalog is empty and nothing is listed on Kaufland yet, so it reads every
 * ERP product and creates every offer (one POST /units each; Kaufland has no bulk create). Reported on its own:
 * it is paced by Kaufland's 111 requests/s (the hub sends at most 106 in any second, 104/s sustained), so
 * 100,000 offers take ≥ 960 s. The creation rate is measured from the first to the last `POST /units`; the ERP
 * read before the first create is in the wall time, not in that rate.
 */
export async function initialCycle(bench: Bench): Promise<ScenarioResult> {
  const name = '1. initial stock cycle (first listing)';
  bench.log(
    `initial stock cycle: listing ${bench.skus} SKUs on Kaufland (≥ ${Math.ceil(bench.skus / 104)} s at 104 creates/s)`,
  );
  const creates: number[] = [];
  let throttled = 0;
  const startedAt = Date.now();
  const { measurement, result } = await measure(name, bench.hub, bench.sandboxes, bench.log, (run) =>
    run('stock', (call, at) => {
      if (call.system !== 'kaufland') return;
      if (call.status === 429) throttled += 1;
      else if (call.method === 'POST' && call.endpoint === '/units') creates.push(at);
    }),
  );
  const units = await bench.sandboxes.call('kauflandUnitCount', {});
  const spanS = creates.length > 1 ? (creates.at(-1)! - creates[0]!) / 1000 : 0;
  const rate = spanS > 0 ? (creates.length - 1) / spanS : 0;
  return {
    name,
    skus: bench.skus,
    changes: bench.skus,
    measurement,
    target: {
      text: `≥ ${MIN_CREATES_PER_SECOND} creates/s, 0 × 429 (${rate.toFixed(1)}/s, ${throttled} × 429)`,
      pass: rate >= MIN_CREATES_PER_SECOND && throttled === 0,
    },
    notes: [
      `initial: ${result.counts.created} offers created, ${result.counts.failed} failed; Kaufland now lists ${units} units` +
        ` (${total(measurement.kaufland)} Kaufland calls). Creates: ${creates.length} in ${spanS.toFixed(1)} s` +
        ` (${rate.toFixed(1)}/s), the first ${creates[0] === undefined ? '–' : ((creates[0] - startedAt) / 1000).toFixed(1)} s after the start (reading the ERP catalog); ${throttled} × 429.`,
    ],
  };
}

/** A stock cycle right after the first one, with nothing changed anywhere: the cost of "no news". */
export async function idleCycle(bench: Bench): Promise<ScenarioResult> {
  const name = '2a. stock cycle, nothing changed';
  bench.log('idle stock cycle: nothing changed');
  const { measurement } = await measure(name, bench.hub, bench.sandboxes, bench.log, (run) => run('stock'));
  const kaufland = total(measurement.kaufland);
  const erp = total(measurement.erp);
  return {
    name,
    skus: bench.skus,
    changes: 0,
    measurement,
    target: { text: `0 Kaufland, ≤ 10 ERP calls`, pass: kaufland === 0 && erp <= 10 },
    notes: [],
  };
}

/**
 * (1, `--listed`) The first stock cycle of a seller whose catalog is already on sale: the hub's catalog is
 * seeded (bench/seed-hub.ts), Kaufland lists every SKU at the amount and price the hub wants. The hub links
 * every listed offer (one `GET /units` per 100) and compares all of them; nothing should need sending.
 */
export async function linkedCycle(bench: Bench): Promise<ScenarioResult> {
  const name = '1. first stock cycle, catalog already listed (link + compare all)';
  bench.log(`linked stock cycle: linking ${bench.skus} listed offers and comparing every one`);
  const { measurement, result } = await measure(name, bench.hub, bench.sandboxes, bench.log, (run) =>
    run('stock'),
  );
  const sent = measurement.kaufland['POST /units/bulk'] ?? 0;
  return {
    name,
    skus: bench.skus,
    changes: 0,
    measurement,
    notes: [
      `linked: hub counts read ${result.counts.read} (offers listed + Odoo stock changes), updated ${result.counts.updated} (${sent} bulk calls),` +
        ` ${result.counts.created} created, ${result.counts.failed} failed (${total(measurement.kaufland)} Kaufland calls).`,
    ],
  };
}
