/**
 * The name a seller knows a product by on an order line: the marketplace's title, unless it is missing or a
 * placeholder (the Kaufland sandbox titles every unit "Sandbox product <EAN>"), then the ERP's name for the SKU.
 */
const PLACEHOLDER = /^\s*sandbox product\b/i;

export function productName(marketplaceTitle: string | null, erpName: string | null): string | null {
  const title = marketplaceTitle?.trim() || null;
  const name = erpName?.trim() || null;
  if (title && !PLACEHOLDER.test(title)) return title;
  return name ?? title;
}
