import type { ProductContentRefusal } from '../../../core/ports/marketplace.port.ts';
import type { StepContext } from '../../step-context.ts';
import type { SystemNames } from '../offers/system-names.ts';

export const PRODUCT_CONTENT_REFUSED = 'product.content_refused';

/** "picture https://…/x.jpg: picture could not be downloaded (HTTP 404); description: missing" */
export function refusalWords(refusals: readonly ProductContentRefusal[]): string {
  return refusals
    .map((r) => {
      const what = [r.attribute, r.value].filter((part) => part !== null && part !== '').join(' ');
      return what === '' ? r.reason : `${what}: ${r.reason}`;
    })
    .join('; ');
}

/** One issue per product: the marketplace refused its content; the offer stays invisible until it is fixed. */
export async function raiseRefused(
  ctx: StepContext,
  names: SystemNames,
  product: { sku: string; ean: string; channel: string },
  refusals: readonly ProductContentRefusal[],
): Promise<void> {
  const reasons = refusalWords(refusals);
  const missing = refusals.filter((r) => r.value === null && r.attribute !== null).map((r) => r.attribute);
  await ctx.issues.raise({
    code: PRODUCT_CONTENT_REFUSED,
    subject: product.sku,
    message: `${names.marketplace} refused the product data of SKU ${product.sku} (EAN ${product.ean}): ${reasons}`,
    hint: `Complete the product in ${names.erp} (description, picture, maker) or name a picture URL on the SKU check page, then send it again there.`,
    details: {
      sku: product.sku,
      ean: product.ean,
      channel: product.channel,
      reasons,
      missing: missing.join(', '),
      erp: names.erp,
      marketplace: names.marketplace,
    },
  });
}
