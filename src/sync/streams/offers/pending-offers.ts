import type { StepContext } from '../../step-context.ts';
import { abandonPending, pendingOffers, storeConfirmed, type OfferKey } from './offers.repository.ts';

/**
 * At most 5 look-ups per channel and run, oldest first: within the cycle's budget of ⌈changes/150⌉ + 5
 * marketplace calls. Pending offers are rare (a create whose read-back failed), so 5 every 30 s clear them.
 */
const MAX_LOOKUPS = 5;
/** New offers can take minutes to be listed; after 6 h the create is treated as lost and made again. */
const GIVE_UP_SECONDS = 6 * 3600;

/** Looks for created offers the marketplace had not shown yet; returns the SKUs now linked. */
export async function resolvePending(ctx: StepContext, key: OfferKey): Promise<string[]> {
  const linked: string[] = [];
  for (const { sku, waitedSeconds } of await pendingOffers(ctx.db, key, MAX_LOOKUPS)) {
    const found = await ctx.marketplace.findOffer(key.channel, sku);
    if (found) {
      await storeConfirmed(ctx.db, key, [found]);
      linked.push(sku);
    } else if (Number(waitedSeconds) > GIVE_UP_SECONDS) {
      await abandonPending(
        ctx.db,
        key,
        sku,
        `sync.offer_not_listed: not listed ${GIVE_UP_SECONDS / 3600} h after it was created`,
      );
    }
  }
  return linked;
}
