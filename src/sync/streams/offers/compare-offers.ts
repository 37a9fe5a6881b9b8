import type { StepContext } from '../../step-context.ts';
import { offerCreator, type CreationMode, type NewOffer } from './create-offers.ts';
import { desiredOffer, type OfferRules } from './desired-offer.ts';
import { planOffer } from './offer-diff.ts';
import { OFFER_REJECTED } from './offer-issues.ts';
import { countRows, readRows, type RowScope } from './offer-rows.ts';
import { storeAccepted, type OfferKey } from './offers.repository.ts';
import { sendChanges, type PendingChange } from './send-changes.ts';
import type { SystemNames } from './system-names.ts';

/** 2,000 rows per read: a 100,000-SKU comparison is 50 indexed range reads and never all in memory at once. */
const ROWS_PER_READ = 2_000;
/**
 * Changes are sent once this many bulk requests' worth are waiting, in whole requests only (the rest waits for
 * the next page), so the request count stays ⌈changes/batch⌉ while memory stays flat: a reprice of 100,000
 * offers held all 100,000 changes (and their results) at once and peaked 160 MB above a steady cycle.
 */
const SEND_EVERY_BATCHES = 10;

/**
 * Compares the desired offer of every SKU in scope with what the marketplace last confirmed, from stored
 * state only (a rerun after a crash sends whatever is still different): creates new offers page by page and
 * sends the changes in full bulk requests as they gather, the last partial one at the end.
 */
export async function compareOffers(
  ctx: StepContext,
  key: OfferKey,
  scope: RowScope,
  rules: OfferRules,
  names: SystemNames,
  creation: CreationMode = 'direct',
): Promise<void> {
  const creator = offerCreator(ctx, key, names, creation);
  const total = scope.kind === 'all' ? await countRows(ctx.db, key, scope) : undefined;
  const batch = ctx.marketplace.offerBatchSize;
  const sendAt = Math.max(1, batch) * SEND_EVERY_BATCHES;
  let changes: PendingChange[] = [];
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const rows = await readRows(ctx.db, key, scope, after, ROWS_PER_READ);
    const creates: NewOffer[] = [];
    const cleared: PendingChange['desired'][] = [];
    for (const { item, eanShared, offer, heldBack } of rows) {
      // A rules change compares everything again: new rules may cure a refusal (a price below a minimum).
      if (heldBack && scope.kind === 'changed') continue;
      const desired = desiredOffer(item, rules, offer?.priceMinor ?? null);
      if (desired === null) {
        // No usable rate for the channel's currency and no price on the marketplace yet: no new offer.
        ctx.counts.skipped += 1;
        continue;
      }
      const plan = planOffer(desired, offer, { active: item.active, eanShared });
      const hadError = offer?.lastError != null;
      if (plan.kind === 'create') creates.push({ desired, hadError });
      else if (plan.kind === 'update') changes.push({ change: plan.change, desired, hadError });
      else if (plan.kind === 'skip') ctx.counts.skipped += 1;
      else if (plan.kind === 'unchanged' && hadError) cleared.push(desired);
    }
    changes.push(...(await creator.add(creates)));
    await storeAccepted(ctx.db, key, cleared);
    await ctx.issues.resolve(
      OFFER_REJECTED,
      cleared.map((desired) => desired.sku),
    );
    if (changes.length >= sendAt) {
      const whole = changes.length - (changes.length % batch);
      const ready = changes.slice(0, whole);
      changes = changes.slice(whole);
      await sendChanges(ctx, key, ready, names);
    }
    done += rows.length;
    if (total !== undefined) ctx.progress(done, total);
    const last = rows.at(-1);
    if (last === undefined || rows.length < ROWS_PER_READ) break;
    after = last.item.sku;
  }
  changes.push(...(await creator.finish(changes)));
  await sendChanges(ctx, key, changes, names);
}
