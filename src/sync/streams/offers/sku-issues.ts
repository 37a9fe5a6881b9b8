import type { ErpProduct } from '../../../core/ports/erp.port.ts';
import type { StepContext } from '../../step-context.ts';
import { sharedEans } from './catalog.repository.ts';
import type { SystemNames } from './system-names.ts';

/** Issue codes of the guide's "keep SKUs consistent" check. */
export const SKU_ISSUES = {
  noEan: 'sku.no_ean',
  duplicateEan: 'sku.duplicate_ean',
  notInErp: 'sku.not_in_erp_offer',
} as const;

/**
 * Checks one stored page of ERP products: an active product without EAN cannot be offered, an EAN on two
 * active SKUs points both at one marketplace product. Issues whose cause this page removed are closed.
 */
export async function checkSkus(
  ctx: StepContext,
  products: readonly ErpProduct[],
  names: SystemNames,
): Promise<void> {
  const missing = products.filter((p) => p.active && !p.ean);
  for (const { sku } of missing) {
    await ctx.issues.raise({
      code: SKU_ISSUES.noEan,
      subject: sku,
      message: `SKU ${sku} has no EAN in ${names.erp}, so it cannot be offered on ${names.marketplace}.`,
      hint: `Add the EAN (barcode) to the product in ${names.erp}.`,
      details: { erp: names.erp, marketplace: names.marketplace },
    });
  }
  const missingSkus = new Set(missing.map((p) => p.sku));
  await ctx.issues.resolve(
    SKU_ISSUES.noEan,
    products.filter((p) => !missingSkus.has(p.sku)).map((p) => p.sku),
  );
  await ctx.issues.resolve(
    SKU_ISSUES.notInErp,
    products.map((p) => p.sku),
  );
  const eans = products.flatMap((p) => (p.active && p.ean ? [p.ean] : []));
  for (const [ean, skus] of await sharedEans(ctx.db, eans)) {
    await ctx.issues.raise({
      code: SKU_ISSUES.duplicateEan,
      subject: ean,
      message: `EAN ${ean} is on ${skus.length} products in ${names.erp} (SKUs ${skus.join(', ')}); ${names.marketplace} knows a product by its EAN, so none of them gets a new offer.`,
      hint: `Give each product its own EAN in ${names.erp}, or archive the extra ones.`,
      details: { skus, erp: names.erp, marketplace: names.marketplace },
    });
  }
}

/** Closes duplicate-EAN issues whose EAN is now on one active SKU at most (an EAN moved or a product was archived). */
export async function resolveFixedDuplicates(ctx: StepContext): Promise<void> {
  const open = await ctx.db
    .selectFrom('sync_issues')
    .select('subject')
    .where('account_id', '=', ctx.account.id)
    .where('code', '=', SKU_ISSUES.duplicateEan)
    .where('resolved_at', 'is', null)
    .execute();
  if (open.length === 0) return;
  const stillShared = await sharedEans(
    ctx.db,
    open.map((row) => row.subject),
  );
  await ctx.issues.resolve(
    SKU_ISSUES.duplicateEan,
    open.map((row) => row.subject).filter((ean) => !stillShared.has(ean)),
  );
}
