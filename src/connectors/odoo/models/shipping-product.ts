import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { many2one, type OdooClient } from '../odoo.client.ts';

/**
 * The service product a marketplace order's shipping charge is booked on: the product of Odoo's first active
 * delivery method (sequence order; "Standard delivery" in a fresh database with the Delivery app, which the
 * connection check already requires). Looked up once per session; a failed lookup is tried again next time.
 */
export class ShippingProduct {
  private id: Promise<number> | undefined;

  resolve(client: OdooClient): Promise<number> {
    this.id ??= lookup(client).catch((error: unknown) => {
      this.id = undefined;
      throw error;
    });
    return this.id;
  }
}

async function lookup(client: OdooClient): Promise<number> {
  const [carrier] = await client.searchRead(
    'delivery.carrier',
    { fields: ['product_id'], limit: 1 },
    z.looseObject({ id: z.number(), product_id: many2one }),
  );
  if (!carrier?.product_id) {
    throw new AppError(
      'config',
      'odoo.no_shipping_product',
      'Odoo has no active delivery method, so the shipping the buyer paid cannot be booked on the sale order.',
      {
        details: { hint: 'Create a delivery method (Inventory → Configuration → Delivery Methods) in Odoo.' },
      },
    );
  }
  return carrier.product_id[0];
}
