import { createKauflandClient } from '../connectors/kaufland/index.ts';
import type { KauflandSandbox, SellerCredentials } from '../sandbox/kaufland/index.ts';
import { ean13 } from '../core/ean.ts';

/**
 * The one planted inconsistency: a unit the seller once listed by hand on Kaufland under an old SKU that Odoo
 * does not know. The SKU check lists it, the stock step raises an issue for it, and orders for it are held
 * until a product with that SKU exists in Odoo — the commonest support case, shown before it happens for real.
 */
export const MISMATCH = {
  sku: 'LMP-BRASS-2019',
  ean: ean13('406812399901'),
  storefront: 'de',
  priceMinor: 5490,
  amount: 40,
  /** What to create in Odoo to fix it. */
  name: 'Brass Reading Lamp (2019 model)',
  price: 54.9,
} as const;

/** Listed through the signed API like the Seller Portal would, before AdlerDo first looks at the account. */
export async function plantMismatch(kaufland: KauflandSandbox, keys: SellerCredentials): Promise<void> {
  const client = createKauflandClient({
    baseUrl: kaufland.baseUrl,
    clientKey: keys.client_key,
    secretKey: keys.secret_key,
  });
  await client.units.create(MISMATCH.storefront, {
    id_offer: MISMATCH.sku,
    ean: MISMATCH.ean,
    listing_price: MISMATCH.priceMinor,
    amount: MISMATCH.amount,
    handling_time: 1,
    condition: 'NEW',
  });
}
