import { measure, total } from '../meter.ts';
import type { Bench, ScenarioResult } from './types.ts';

/**
 * (1) The first stock cycle: the hub's catalog is empty and nothing is listed on Kaufland yet, so it reads every
 * ERP product and creates every offer (one POST /units each; Kaufland has no bulk create). Reported on its own:
 * it is paced by Kaufland's 111 requests/s (the hub sends at most 100/s), so 100,000 offers take ≥ 1,000 s.
 */
export async function initialCycle(bench: Bench): Promise<ScenarioResult> {
  const name = '1. initial stock cycle (first listing)';
  bench.log(
    `initial stock cycle: listing ${bench.skus} SKUs on Kaufland (≥ ${Math.ceil(bench.skus / 100)} s at 100 creates/s)`,
  );
  const { measurement, result } = await measure(name, bench.hub, bench.sandboxes, bench.log, (run) =>
    run('stock'),
  );
  const units = await bench.sandboxes.call('kauflandUnitCount', {});
  return {
    name,
    skus: bench.skus,
    changes: bench.skus,
    measurement,
    notes: [
      `initial: ${result.counts.created} offers created, ${result.counts.failed} failed; Kaufland now lists ${units} units` +
        ` (${total(measurement.kaufland)} Kaufland calls).`,
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
