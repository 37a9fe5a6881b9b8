import type { OfferState } from '../../../core/offer.ts';
import type { StepContext } from '../../step-context.ts';
import { offersWithoutProduct, storeConfirmed, type OfferKey } from './offers.repository.ts';
import { SKU_ISSUES } from './sku-issues.ts';
import type { SystemNames } from './system-names.ts';

const STORE_EVERY = 1_000;

/**
 * A channel's first run: every offer already on the marketplace is linked to its SKU (so none is created
 * twice), and offers whose SKU the ERP does not have become issues. Costs one call per listed page
 * (Kaufland: 100 offers), once.
 */
export async function linkListedOffers(ctx: StepContext, key: OfferKey, names: SystemNames): Promise<void> {
  let batch: OfferState[] = [];
  let listed = 0;
  const flush = async () => {
    await storeConfirmed(ctx.db, key, batch);
    listed += batch.length;
    batch = [];
    ctx.progress(listed);
  };
  for await (const offer of ctx.marketplace.listOffers(key.channel)) {
    batch.push(offer);
    if (batch.length >= STORE_EVERY) await flush();
  }
  await flush();
  ctx.counts.read += listed;
  for (const sku of await offersWithoutProduct(ctx.db, key)) {
    await ctx.issues.raise({
      code: SKU_ISSUES.notInErp,
      subject: sku,
      message: `${names.marketplace} offer ${sku} has no product in ${names.erp}.`,
      hint: `Give a product in ${names.erp} the SKU ${sku} (internal reference), or end the offer on ${names.marketplace}.`,
      details: { channel: key.channel, erp: names.erp, marketplace: names.marketplace },
    });
  }
}
