import type { StepContext } from '../../step-context.ts';
import type { SystemNames } from './system-names.ts';

export const OFFER_REJECTED = 'offer.rejected';

/** One refused create or change, as an issue on the SKU; the offer keeps its last confirmed values. */
export async function raiseRejected(
  ctx: StepContext,
  names: SystemNames,
  refusal: { sku: string; channel: string; code: string; message: string },
): Promise<void> {
  await ctx.issues.raise({
    code: OFFER_REJECTED,
    subject: refusal.sku,
    message: `${names.marketplace} refused the offer for SKU ${refusal.sku} (${refusal.channel}): ${refusal.message}`,
    hint: `Check the product in ${names.erp} (EAN, price, stock). It is sent again when it changes, or within an hour.`,
    details: {
      channel: refusal.channel,
      code: refusal.code,
      reason: refusal.message,
      erp: names.erp,
      marketplace: names.marketplace,
    },
  });
}
