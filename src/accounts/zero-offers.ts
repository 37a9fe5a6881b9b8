import { AppError } from '../core/errors.ts';
import type { OfferChange } from '../core/offer.ts';
import type { MarketplaceSession } from '../core/ports/marketplace.port.ts';

/**
 * Before an account is removed, on request: every offer of its storefronts with stock gets amount 0 through the
 * normal bulk update. A removed account's offers otherwise stay live at their last amount with nothing updating
 * them, and sell stock the ERP may no longer have. Any refusal stops the removal (the caller removes nothing).
 */
export async function zeroOfferAmounts(
  session: MarketplaceSession,
  storefronts: readonly string[],
): Promise<number> {
  let zeroed = 0;
  for (const channel of storefronts) {
    const changes: OfferChange[] = [];
    for await (const offer of session.listOffers(channel))
      if (offer.amount > 0) changes.push({ offerId: offer.offerId, sku: offer.sku, amount: 0 });
    if (changes.length === 0) continue;
    const refused = (await session.updateOffers(channel, changes)).filter((result) => !result.ok);
    if (refused.length > 0) {
      throw new AppError(
        'rejected',
        'account.zero_offers_refused',
        `Kaufland refused amount 0 for ${refused.length} offer(s) on ${channel} (e.g. ${refused[0]!.sku}), so ` +
          'the account was not removed. Try again, or remove it without setting amounts to 0.',
      );
    }
    zeroed += changes.length;
  }
  return zeroed;
}
