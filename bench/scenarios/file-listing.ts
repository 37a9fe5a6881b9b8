import type { AddressInfo } from 'node:net';
import { buildServer } from '../../src/http/server.ts';
import { runStep } from '../../src/sync/run-step.ts';
import type { Hub } from '../hub.ts';
import { measure, total } from '../meter.ts';
import type { Bench, ScenarioResult } from './types.ts';

/** Issue 13's target: 100,000 new offers listed, every unit linked, within 5 minutes (vs ~16 by POST /units). */
const TARGET_S = 300;
/** The stock step's default interval (src/sync/steps.ts): how often a real scheduler would follow the file. */
const RUN_EVERY_MS = 30_000;

/**
 * First listing by file (issue 13): the hub with ADLERDO_PUBLIC_URL pointing at its own HTTP server (started
 * here on loopback) and nothing listed yet. The first stock run writes every new offer into one inventory feed
 * file and registers it; the sandbox downloads it over HTTP from the hub and imports it after `importMs`
 * (Kaufland: "usually within a few minutes"); the stock step then runs every 30 s, as the scheduler would,
 * until the file ended and its units are linked. Wall time = first run's start → the run that linked them.
 */
export async function firstListingByFile(bench: Bench, importMs: number): Promise<ScenarioResult> {
  const name = 'F. first listing by file';
  const { hub } = bench;
  const credentials = await hub.ctx.accounts.credentialsOf(hub.accountId);
  const sandboxOrigin = new URL(credentials.baseUrl).origin;
  const settings = await fetch(`${sandboxOrigin}/_sandbox/import-settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ import_ms: importMs }),
  });
  if (!settings.ok) throw new Error(`sandbox import settings: HTTP ${settings.status}`);
  const server = await buildServer(hub.ctx);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const publicUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const ctx = { ...hub.ctx, config: { ...hub.ctx.config, ADLERDO_PUBLIC_URL: publicUrl } };
  const fileHub: Hub = { ...hub, run: (step, options) => runStep(ctx, hub.accountId, step, 'cli', options) };
  bench.log(
    `first listing by file: ${bench.skus} new offers as one file, sandbox import time ${importMs / 1000} s, stock step every ${RUN_EVERY_MS / 1000} s`,
  );
  const started = performance.now();
  let runs = 0;
  let posts = 0;
  let registered = 0;
  let wroteAt = 0;
  try {
    const { measurement } = await measure(name, fileHub, bench.sandboxes, bench.log, async (run) => {
      for (;;) {
        const begun = performance.now();
        runs += 1;
        await run('stock', (call) => {
          if (call.system !== 'kaufland' || call.method !== 'POST') return;
          if (call.endpoint === '/units') posts += 1;
          if (call.endpoint === '/import-files/inventory-feed') {
            registered += 1;
            wroteAt = performance.now() - started;
          }
        });
        const feed = await hub.ctx.db
          .selectFrom('offer_feeds')
          .select(['state'])
          .where('account_id', '=', hub.accountId)
          .orderBy('id', 'desc')
          .executeTakeFirst();
        if (!feed || feed.state === 'imported' || feed.state === 'rejected') return feed?.state;
        bench.log(`  file ${feed.state}; next stock run in ${RUN_EVERY_MS / 1000} s`);
        await new Promise((r) => setTimeout(r, Math.max(0, RUN_EVERY_MS - (performance.now() - begun))));
      }
    });
    const wallS = (performance.now() - started) / 1000;
    const linked = await hub.ctx.db
      .selectFrom('offers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', hub.accountId)
      .where('offer_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const units = await bench.sandboxes.call('kauflandUnitCount', {});
    const allLinked = Number(linked.n) === bench.skus && units === bench.skus;
    return {
      name,
      skus: bench.skus,
      changes: bench.skus,
      measurement,
      target: {
        text: `all linked ≤ ${TARGET_S} s (${wallS.toFixed(0)} s, ${Number(linked.n)} linked)`,
        pass: allLinked && wallS <= TARGET_S,
      },
      notes: [
        `file listing: ${Number(linked.n)} of ${bench.skus} offers linked, Kaufland lists ${units} units; ${runs} stock runs` +
          ` (every ${RUN_EVERY_MS / 1000} s), ${registered} file registered ${(wroteAt / 1000).toFixed(1)} s after the start,` +
          ` sandbox import time ${importMs / 1000} s, ${posts} × POST /units; ${total(measurement.kaufland)} Kaufland calls.`,
      ],
    };
  } finally {
    await server.close();
  }
}
