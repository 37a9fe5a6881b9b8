import type { DesiredOffer, OfferChange } from '../../../core/offer.ts';
import type { StepContext } from '../../step-context.ts';
import { OFFER_REJECTED, raiseRejected } from './offer-issues.ts';
import { storeAccepted, storeFailure, type OfferKey } from './offers.repository.ts';
import type { SystemNames } from './system-names.ts';

export interface PendingChange {
  change: OfferChange;
  desired: DesiredOffer;
  hadError: boolean;
}

/**
 * All of a channel's changes in ONE `updateOffers` call: the session splits them into requests of
 * `offerBatchSize` (Kaufland: 150), so 320 changes cost 3 requests. Accepted values become the confirmed
 * state; a refused change keeps the old state (so it is sent again) and becomes an issue on its SKU.
 * A transient failure throws before anything is recorded: the rerun compares again and resends, harmlessly,
 * since changes carry absolute values.
 */
export async function sendChanges(
  ctx: StepContext,
  key: OfferKey,
  pending: readonly PendingChange[],
  names: SystemNames,
): Promise<void> {
  if (pending.length === 0) return;
  const results = await ctx.marketplace.updateOffers(
    key.channel,
    pending.map((p) => p.change),
  );
  const bySku = new Map(pending.map((p) => [p.desired.sku, p]));
  const accepted: DesiredOffer[] = [];
  const healed: string[] = [];
  for (const result of results) {
    const sent = bySku.get(result.sku);
    if (sent === undefined) continue;
    if (result.ok) {
      accepted.push(sent.desired);
      if (sent.hadError) healed.push(result.sku);
      continue;
    }
    await storeFailure(ctx.db, key, result.sku, `${result.code}: ${result.message}`);
    await raiseRejected(ctx, names, {
      sku: result.sku,
      channel: key.channel,
      code: result.code,
      message: result.message,
    });
    ctx.counts.failed += 1;
  }
  await storeAccepted(ctx.db, key, accepted);
  await ctx.issues.resolve(OFFER_REJECTED, healed);
  ctx.counts.updated += accepted.length;
}
