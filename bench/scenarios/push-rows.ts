import { z } from 'zod';
import { setErpPushConsent } from '../../src/push/erp-rules.ts';
import { pushedOrders } from './push-orders.ts';
import { startPushHub, waitForIdleQueue, waitForPushActive, type PushHub } from './push-process.ts';
import { benchOdooClient, pushedStock } from './push-stock.ts';
import type { Bench, ScenarioResult } from './types.ts';

/** The push-mode safety net of `adlerdo start` (ADLERDO_PUSH_POLL_SECONDS' default). */
const SAFETY_POLL_SECONDS = 300;
/**
 * The lossy row runs with the shortest safety net AdlerDo allows above its 30 s floor, so the orders push missed
 * are found within a minute instead of five; the default only stretches the wait, not what is found.
 */
const LOSSY_POLL_SECONDS = 60;
/** Orders announced by no notification at all, placed last: only the safety-net poll can bring them in. */
const SILENT_TAIL = 3;
const GAP_MS = 1_000;

/**
 * Issue 13's rows: the real `adlerdo start` as a child process on the bench's database, its ADLERDO_PUBLIC_URL
 * on loopback, so the Kaufland sandbox's subscriptions and Odoo's automation rules POST real callbacks to it.
 * Run last: the child's worker and scheduler would otherwise run steps under the in-process scenarios.
 */
export async function pushRows(
  bench: Bench,
  kauflandBaseUrl: string,
  options: { samples: number; loss: number },
  add: (row: ScenarioResult) => void,
): Promise<void> {
  const origin = kauflandBaseUrl.replace(/\/v2\/?$/, '');
  await preparePush(bench);

  let child: PushHub | undefined;
  const start = async (pollSeconds: number, port?: number) => {
    child = await startPushHub(bench.hub, pollSeconds, bench.log, port);
    await waitForPushActive(bench.hub);
    // Its start-up poll of every step has run: the scenario starts with an empty queue.
    await waitForIdleQueue(bench.hub);
    return child;
  };
  try {
    const fast = await start(SAFETY_POLL_SECONDS);
    // ~5 s apart: the account is idle when an order comes (a real seller's orders are minutes apart). ~2 s and
    // ~1 s apart: its queue is busy, since each order costs an orders pass plus the stock run that the order's
    // reservation in Odoo wakes (~1.2 s in all at 50 ms per call), so orders wait for the runs before theirs.
    for (const [label, gapMs] of [
      ['P1', 5 * GAP_MS],
      ['P1b', 2 * GAP_MS],
      ['P1c', GAP_MS],
    ] as const)
      add(
        await pushedOrders(bench, fast, origin, {
          name: `${label}. orders with Kaufland push, one by one ~${gapMs / 1000} s apart (adlerdo start, safety poll ${SAFETY_POLL_SECONDS} s)`,
          count: options.samples,
          gapMs,
          loseRate: 0,
          silentTail: 0,
          waitMs: 30_000,
        }),
      );
    add(await pushedStock(bench, fast, options.samples, GAP_MS));
    if (options.loss > 0) {
      const port = fast.port;
      await fast.stop();
      // Same port, so the subscriptions made by the first process stay the ones in use.
      const lossy = await start(LOSSY_POLL_SECONDS, port);
      add(
        await pushedOrders(bench, lossy, origin, {
          name: `P3. orders with ${Math.round(options.loss * 100)} % of pushes lost, then ${SILENT_TAIL} with all lost (safety poll ${LOSSY_POLL_SECONDS} s)`,
          count: options.samples * 2,
          gapMs: GAP_MS / 2,
          loseRate: options.loss,
          silentTail: SILENT_TAIL,
          waitMs: 2 * LOSSY_POLL_SECONDS * 1000 + 30_000,
        }),
      );
    }
  } finally {
    await child?.stop();
  }
}

/**
 * What push needs before a child hub starts: the account's fallback e-mail, Odoo's Automation Rules app and the
 * seller's consent (the child, which has the public URL, installs the rules itself). Shared with push-flood.ts.
 */
export async function preparePush(bench: Bench): Promise<void> {
  await bench.hub.ctx.accounts.patch(bench.hub.accountId, { settings: { pushEmail: 'bench@example.com' } });
  const odoo = await benchOdooClient(bench);
  const [module] = await odoo.searchRead(
    'ir.module.module',
    { domain: [['name', '=', 'base_automation']], fields: ['state'] },
    z.looseObject({ id: z.number(), state: z.string() }),
  );
  if (!module) throw new Error('bench: Odoo has no base_automation module');
  if (module.state !== 'installed')
    await odoo.call('ir.module.module', 'button_immediate_install', [module.id]);
  await setErpPushConsent(bench.hub.ctx, true);
}
