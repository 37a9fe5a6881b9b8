import { randomBytes } from 'node:crypto';
import { isAppError } from '../../../core/errors.ts';
import type { FileOffer, FileRefusalCause } from '../../../core/ports/bulk-listing.port.ts';
import type { OfferState } from '../../../core/offer.ts';
import type { StepContext } from '../../step-context.ts';
import type { NewOffer } from './create-offers.ts';
import {
  feedEndedRecently,
  finishFeed,
  keptOffers,
  markRegistered,
  openFeed,
  releaseUnlisted,
  storeFeed,
  type OfferFeed,
} from './feed.repository.ts';
import { OFFER_REJECTED } from './offer-issues.ts';
import { storeConfirmed, type OfferKey } from './offers.repository.ts';
import type { PendingChange } from './send-changes.ts';
import { systemNames } from './system-names.ts';

/** The marketplace refused a whole file of new offers (account level: one open issue per channel). */
export const OFFER_FILE_REFUSED = 'offer.file_refused';

/**
 * First listing by file (issue 13). With a public URL, a comparison of every SKU that finds at least this many
 * new offers lists them as ONE file the marketplace downloads from AdlerDo, instead of one call each (Kaufland:
 * 100,000 creates ≈ 16 min at 111 requests/s; a file imports in minutes). Fewer go one by one.
 */
export const FILE_MIN_OFFERS = 1_000;
/** After a file ended (imported or refused), listings go one by one for a day: never a loop of files. */
const PAUSE_AFTER_FILE_HOURS = 24;
const STORE_EVERY = 1_000;

/** What the channel's file means for this run's comparison. */
export type FileStage =
  /** No file open: new offers may go as a file (when many) or one by one. */
  | 'none'
  /** A file is being imported: new offers wait for it (the file replaces the listing, it would end them). */
  | 'open'
  /** A file ended in this run: compare every SKU again, new offers go one by one. */
  | 'ended';

/** The file's public URL: an unguessable token, nothing else, under the public address. */
export function feedFileUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/feeds/${token}`;
}

/**
 * Follows the channel's open file, one step per run (the import takes minutes; runs come every few seconds
 * to minutes): registers it if a crash came between storing and registering (looking the URL up first, so
 * it is never registered twice), asks how far the import is, and once it ended links the listed offers.
 */
export async function followFile(ctx: StepContext, key: OfferKey): Promise<FileStage> {
  const feed = await openFeed(ctx.db, key);
  if (!feed) return 'none';
  const bulk = ctx.marketplace.bulkListing;
  if (!bulk) return refuse(ctx, key, feed, 'the marketplace no longer takes files');
  if (feed.state === 'prepared') {
    if (!ctx.publicUrl) return refuse(ctx, key, feed, 'ADLERDO_PUBLIC_URL is no longer set');
    const url = feedFileUrl(ctx.publicUrl, feed.token);
    const known = await bulk.findRegistered(key.channel, url);
    if (known !== undefined) {
      await markRegistered(ctx.db, feed.id, known);
      return 'open';
    }
    return (await register(ctx, key, feed, url)) === undefined ? 'ended' : 'open';
  }
  let status: Awaited<ReturnType<typeof bulk.status>>;
  try {
    status = await bulk.status(key.channel, feed.import_id ?? '');
  } catch (error) {
    // The marketplace no longer knows the file (or refuses to say): its offers go one by one; any it did list
    // is found when its create is refused as existing, and linked then.
    if (isAppError(error) && error.kind === 'rejected') return refuse(ctx, key, feed, error.message);
    throw error;
  }
  if (status.state === 'running') return 'open';
  if (status.state === 'rejected') return refuse(ctx, key, feed, status.note, status.cause);
  await linkListed(ctx, key);
  const unlisted = await releaseUnlisted(ctx.db, key, feed.skus);
  const listed = feed.skus.length - unlisted.length;
  ctx.counts.created += listed;
  const unlistedSet = new Set(unlisted);
  const linkedSkus = feed.skus.filter((sku) => !unlistedSet.has(sku));
  for (let start = 0; start < linkedSkus.length; start += STORE_EVERY)
    await ctx.issues.resolve(OFFER_REJECTED, linkedSkus.slice(start, start + STORE_EVERY));
  await finishFeed(ctx.db, feed.id, {
    state: 'imported',
    note: status.note,
    errorRows: status.errorRows,
  });
  ctx.logger.info(
    { channel: key.channel, listed, unlisted: unlisted.length, note: status.note },
    'offer file imported; offers it did not list are sent one by one',
  );
  return 'ended';
}

/**
 * Lists the new offers as one file when that is allowed and worth it; answers false when they must be
 * created one by one instead (few, no public URL, the marketplace cannot, or the file was refused at once).
 * The file also repeats every offer the channel keeps, because it replaces the whole listing: a channel with
 * an offer the hub cannot write into it (no EAN in the catalog, values not known) is listed one by one.
 */
export async function listAsFile(
  ctx: StepContext,
  key: OfferKey,
  creates: readonly NewOffer[],
  changes: readonly PendingChange[],
): Promise<boolean> {
  const bulk = ctx.marketplace.bulkListing;
  if (!bulk || !ctx.publicUrl || creates.length < FILE_MIN_OFFERS) return false;
  if (await feedEndedRecently(ctx.db, key, PAUSE_AFTER_FILE_HOURS)) return false;
  const rows = await fileRows(ctx, key, creates, changes);
  if (!rows) return false;
  const token = randomBytes(32).toString('base64url');
  const file = bulk.writeFile(key.channel, rows);
  const skus = creates.map((create) => create.desired.sku);
  const id = await storeFeed(ctx.db, key, { token, ...file, skus });
  const feed = { id, skus } as const;
  const registered = await register(ctx, key, feed, feedFileUrl(ctx.publicUrl, token));
  ctx.logger.info(
    { channel: key.channel, offers: skus.length, registered: registered !== undefined },
    'new offers listed as one file',
  );
  ctx.progress(skus.length, skus.length);
  return registered !== undefined;
}

/**
 * Every row of the file (the kept offers read first, then the new ones handed over one at a time, never copied
 * into a second list), or undefined when an offer cannot be written (then no file at all).
 */
async function fileRows(
  ctx: StepContext,
  key: OfferKey,
  creates: readonly NewOffer[],
  changes: readonly PendingChange[],
): Promise<Iterable<FileOffer> | undefined> {
  const wanted = new Map(changes.map((pending) => [pending.desired.sku, pending.desired]));
  const kept: FileOffer[] = [];
  for (const offer of await keptOffers(ctx.db, key)) {
    const desired = wanted.get(offer.sku);
    const amount = desired?.amount ?? offer.amount;
    const priceMinor = desired?.priceMinor ?? offer.priceMinor;
    const handlingTimeDays = desired?.handlingTimeDays ?? offer.handlingTimeDays;
    if (
      !offer.ean ||
      offer.offerId === null ||
      amount === null ||
      priceMinor === null ||
      handlingTimeDays === null
    ) {
      ctx.logger.info(
        { channel: key.channel, sku: offer.sku },
        'new offers go one by one: an offer on the channel cannot be repeated in a file that replaces the listing',
      );
      return undefined;
    }
    const shippingGroupId = desired?.shippingGroupId ?? null;
    kept.push({ sku: offer.sku, ean: offer.ean, amount, priceMinor, handlingTimeDays, shippingGroupId });
  }
  if (creates.some(({ desired }) => !desired.ean)) return undefined;
  return (function* () {
    yield* kept;
    for (const { desired } of creates) yield { ...desired, ean: desired.ean! };
  })();
}

/**
 * Registers the file; answers its id there, or undefined when the marketplace refused it outright (then it
 * ends as refused and its offers go one by one). A transient failure leaves it stored but unregistered: the
 * next run looks its URL up before registering again.
 */
async function register(
  ctx: StepContext,
  key: OfferKey,
  feed: Pick<OfferFeed, 'id' | 'skus'>,
  url: string,
): Promise<string | undefined> {
  const bulk = ctx.marketplace.bulkListing;
  if (!bulk) return undefined;
  try {
    const importId = await bulk.register(key.channel, url);
    await markRegistered(ctx.db, feed.id, importId);
    return importId;
  } catch (error) {
    if (isAppError(error) && error.kind === 'rejected') {
      await refuse(ctx, key, feed, error.message);
      return undefined;
    }
    if (isAppError(error) && error.kind === 'transient') {
      ctx.logger.warn({ channel: key.channel, err: error }, 'offer file not registered yet; next run');
      return 'pending';
    }
    throw error;
  }
}

/** What the marketplace did with a refused file, after its name ("Kaufland could not download it"). */
const CAUSE_WORDS: Record<FileRefusalCause | 'refused', string> = {
  download: 'could not download it from AdlerDo',
  unreadable: 'could not read it',
  checked: 'refused it after checking it',
  import: 'stopped importing it',
  refused: 'refused it',
};

/**
 * The marketplace refused the whole file: it ends, its offers are created one by one in this run, and the
 * seller reads why (an issue on the channel, closed once the offers went through: `fileRefusalOver`).
 */
async function refuse(
  ctx: StepContext,
  key: OfferKey,
  feed: Pick<OfferFeed, 'id' | 'skus'>,
  why: string,
  cause?: FileRefusalCause,
): Promise<'ended'> {
  await releaseUnlisted(ctx.db, key, feed.skus);
  await finishFeed(ctx.db, feed.id, { state: 'rejected', note: why, errorRows: null });
  ctx.logger.warn({ channel: key.channel, why }, 'offer file refused; offers are created one by one');
  const names = await systemNames(ctx);
  const said = why.trim() === '' ? '' : ` It said: ${why.trim().replace(/\.$/, '')}.`;
  await ctx.issues.raise({
    code: OFFER_FILE_REFUSED,
    subject: key.channel,
    message: `The file of ${feed.skus.length} new offers for ${key.channel.toUpperCase()} was not listed: ${names.marketplace} ${CAUSE_WORDS[cause ?? 'refused']}.${said} The offers are listed one by one instead, which takes longer.`,
    hint: 'Nothing to do for these offers. If the file could not be downloaded, check that ADLERDO_PUBLIC_URL reaches this AdlerDo from outside, or the next file fails the same way.',
    details: {
      channel: key.channel,
      offers: feed.skus.length,
      cause: cause ?? 'refused',
      reason: why,
      erp: names.erp,
      marketplace: names.marketplace,
    },
  });
  return 'ended';
}

/**
 * The channel's new offers went through after a refused file (by a later file, or one by one): its issue is
 * over. Called once such a listing completed; closing an issue that is not open costs one update.
 */
export async function fileRefusalOver(ctx: StepContext, key: OfferKey): Promise<void> {
  await ctx.issues.resolve(OFFER_FILE_REFUSED, [key.channel]);
}

/** Every offer now on the channel, stored as confirmed (the file's own and those it kept). */
async function linkListed(ctx: StepContext, key: OfferKey): Promise<void> {
  const listed =
    ctx.marketplace.bulkListing?.listOffers(key.channel) ?? ctx.marketplace.listOffers(key.channel);
  let batch: OfferState[] = [];
  for await (const offer of listed) {
    batch.push(offer);
    if (batch.length >= STORE_EVERY) {
      await storeConfirmed(ctx.db, key, batch);
      batch = [];
    }
  }
  await storeConfirmed(ctx.db, key, batch);
}
