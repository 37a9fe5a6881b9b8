import type { ProductContentRefusal } from '../../../core/ports/marketplace.port.ts';
import type { StepContext } from '../../step-context.ts';
import type { SystemNames } from '../offers/system-names.ts';

export const PRODUCT_CONTENT_REFUSED = 'product.content_refused';

/** A refusal in the language it was refused in, when the product went out in several. */
export type LanguageRefusal = ProductContentRefusal & { language?: string };

/** "(cs-CZ) picture https://…/x.jpg: picture could not be downloaded (HTTP 404); (cs-CZ) description: missing" */
export function refusalWords(refusals: readonly LanguageRefusal[]): string {
  return refusals
    .map((r) => {
      const what = [r.attribute, r.value].filter((part) => part !== null && part !== '').join(' ');
      const words = what === '' ? r.reason : `${what}: ${r.reason}`;
      return r.language ? `(${r.language}) ${words}` : words;
    })
    .join('; ');
}

/** One issue per product: the marketplace refused its content; the offer stays invisible until it is fixed. */
export async function raiseRefused(
  ctx: StepContext,
  names: SystemNames,
  product: { sku: string; ean: string; channel: string },
  refusals: readonly LanguageRefusal[],
): Promise<void> {
  const reasons = refusalWords(refusals);
  const missing = [
    ...new Set(refusals.filter((r) => r.value === null && r.attribute !== null).map((r) => r.attribute)),
  ];
  const languages = [...new Set(refusals.flatMap((r) => (r.language ? [r.language] : [])))];
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
      languages: languages.join(', '),
      erp: names.erp,
      marketplace: names.marketplace,
    },
  });
}
