import { isAppError, type FieldError } from '../../../core/errors.ts';
import type { DesiredOffer } from '../../../core/offer.ts';
import type { StepContext } from '../../step-context.ts';
import { fileRefusalOver, listAsFile, type FileStage } from './feed-listing.ts';
import { inParallel } from './in-parallel.ts';
import { planOffer } from './offer-diff.ts';
import { OFFER_REJECTED, raiseRejected } from './offer-issues.ts';
import { markPending, storeConfirmed, storeFailure, type OfferKey } from './offers.repository.ts';
import type { PendingChange } from './send-changes.ts';
import type { SystemNames } from './system-names.ts';

/**
 * 16 creates in flight. Kaufland's pacer lets 104 calls/s out; a create holds its slot for the answer (~50–100 ms)
 * plus recording it (a few ms), so filling that pace takes 104/s × ~70 ms ≈ 7–8 in flight (Little's law), and with
 * 8 every slower answer cost a token for good. 16 keep the pace full for answers up to ~150 ms; the surplus only
 * waits in the pacer's queue, so the marketplace never sees more than the pacer allows.
 */
const CREATE_CONCURRENCY = 16;

export interface NewOffer {
  desired: DesiredOffer;
  /** The SKU's earlier create was refused: a success closes that issue. */
  hadError: boolean;
}

/**
 * Creates offers one call each (marketplaces have no bulk create). A create refused because the offer
 * already exists (made by hand, or by a run that crashed before recording it) is linked instead: looked up
 * by SKU, and its differences returned as changes for the bulk update.
 */
export async function createOffers(
  ctx: StepContext,
  key: OfferKey,
  offers: readonly NewOffer[],
  names: SystemNames,
): Promise<PendingChange[]> {
  const changes: PendingChange[] = [];
  await inParallel(offers, CREATE_CONCURRENCY, async ({ desired, hadError }) => {
    try {
      const created = await ctx.marketplace.createOffer(key.channel, desired);
      if (created) await storeConfirmed(ctx.db, key, [created]);
      else await markPending(ctx.db, key, desired.sku);
      ctx.counts.created += 1;
      if (hadError) await ctx.issues.resolve(OFFER_REJECTED, [desired.sku]);
    } catch (error) {
      if (!isAppError(error) || error.kind !== 'rejected') throw error;
      const existing = await ctx.marketplace.findOffer(key.channel, desired.sku);
      if (existing === undefined) {
        const reason = withFieldReasons(error.message, error.fields);
        await storeFailure(ctx.db, key, desired.sku, `${error.code}: ${reason}`);
        await raiseRejected(ctx, names, {
          sku: desired.sku,
          channel: key.channel,
          code: error.code,
          message: reason,
        });
        ctx.counts.failed += 1;
        return;
      }
      await storeConfirmed(ctx.db, key, [existing]);
      if (hadError) await ctx.issues.resolve(OFFER_REJECTED, [desired.sku]);
      const known = { ...existing, pendingSince: null, lastError: null };
      const plan = planOffer(desired, known, { active: true, eanShared: false });
      if (plan.kind === 'update') changes.push({ change: plan.change, desired, hadError: false });
    }
  });
  return changes;
}

/**
 * The marketplace's reasons per field ("ean: must be 13 or 14 digits") after its general message when that
 * does not name them already: a refusal the seller can act on, not "Request parameters have invalid values".
 */
function withFieldReasons(message: string, fields: readonly FieldError[] | undefined): string {
  const reasons = (fields ?? []).map((f) => `${f.field}: ${f.message}`).filter((r) => !message.includes(r));
  return reasons.length === 0 ? message : `${message.replace(/[.\s]+$/, '')} (${reasons.join('; ')})`;
}

/** How this run creates new offers: see `offerCreator`. */
export type CreationMode = 'direct' | 'file' | 'hold';

export interface OfferCreator {
  /** One page's new offers; answers the changes found on the way (offers that existed already). */
  add(offers: readonly NewOffer[]): Promise<PendingChange[]>;
  /** After the last page, with every change the comparison found (a file repeats the channel's offers). */
  finish(changes: readonly PendingChange[]): Promise<PendingChange[]>;
}

/** direct: one by one, page by page; file: kept until the end, then as one file when many; hold: not now. */
export function creationMode(stage: FileStage, comparesEverySku: boolean): CreationMode {
  if (stage === 'open') return 'hold';
  return stage === 'none' && comparesEverySku ? 'file' : 'direct';
}

/**
 * New offers of one comparison. While a file is being imported they wait (the file replaces the listing:
 * an offer created meanwhile would be ended by it); they are counted as skipped and created by a later run.
 */
export function offerCreator(
  ctx: StepContext,
  key: OfferKey,
  names: SystemNames,
  mode: CreationMode,
): OfferCreator {
  const kept: NewOffer[] = [];
  return {
    async add(offers) {
      if (mode === 'direct') return createOffers(ctx, key, offers, names);
      if (mode === 'hold') ctx.counts.skipped += offers.length;
      else kept.push(...offers);
      return [];
    },
    async finish(changes) {
      if (mode !== 'file' || kept.length === 0) return [];
      if (await listAsFile(ctx, key, kept, changes)) return [];
      const found = await createOffers(ctx, key, kept, names);
      await fileRefusalOver(ctx, key);
      return found;
    },
  };
}
