import { START_RATES } from '../ipc.ts';
import { measure, total } from '../meter.ts';
import type { Bench, ScenarioResult } from './types.ts';

/**
 * (6) A new rate (issue 10): the storefront's currency gets a rate `change` higher in Odoo (CZK 25 → 25.25 at
 * 1 %), then ONE stock cycle runs. Every offer's price is computed again, and only those whose price in the
 * storefront's currency changed are sent, 150 to a bulk call. The sandbox host compares Kaufland's listing prices
 * before and after (outside the measurement) to count them. Target (the issue's): ≤ ⌈changed/150⌉ + 5 Kaufland calls.
 */
export async function rateChangeCycle(
  bench: Bench,
  currency: string,
  change: number,
): Promise<ScenarioResult> {
  const from = START_RATES[currency] ?? 1;
  const to = Math.round(from * (1 + change) * 1e6) / 1e6;
  const name = `6. rate change ${currency} ${from} → ${to}, one stock cycle`;
  // The host keeps the prices and counts the changed ones: a million prices here would sit in the measured heap.
  await bench.sandboxes.call('priceChanges', {});
  await bench.sandboxes.call('setRate', { currency, rate: to });
  bench.log(`rate change: ${currency} ${from} → ${to} in Odoo`);
  const { measurement, result } = await measure(name, bench.hub, bench.sandboxes, bench.log, (run) =>
    run('stock'),
  );
  const { offers, changed } = await bench.sandboxes.call('priceChanges', {});
  const kaufland = total(measurement.kaufland);
  const erp = total(measurement.erp);
  const maxKaufland = Math.ceil(changed / 150) + 5;
  return {
    name,
    skus: bench.skus,
    changes: changed,
    measurement,
    target: {
      text: `≤ ${maxKaufland} Kaufland (⌈${changed}/150⌉+5)`,
      pass: kaufland <= maxKaufland && result.status === 'succeeded',
    },
    notes: [
      `rate change: ${changed} of ${offers} offers got a new ${currency} price on Kaufland, ${offers - changed} kept theirs;` +
        ` ${kaufland} Kaufland calls for them (bound ⌈${changed}/150⌉+5 = ${maxKaufland}), ${erp} ERP calls` +
        ` (hub counts: read ${result.counts.read}, updated ${result.counts.updated}, failed ${result.counts.failed}).`,
    ],
  };
}
