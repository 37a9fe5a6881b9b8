import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import { intSchema, storefrontSchema } from './common.ts';

type Schemas = components['schemas'];

/** A document on an order: uploaded by the seller, or Kaufland's own under the deemed supplier model. */
export const orderInvoiceSchema = z.looseObject({
  id_invoice: intSchema,
  id_order: z.string(),
  storefront: storefrontSchema,
  is_marketplace_deemed_supplier: z.boolean(),
  original_name: z.string(),
  mime_type: z.string(),
  ts_created_iso: z.string(),
}) satisfies z.ZodType<
  Pick<
    Schemas['OrderInvoice'],
    | 'id_invoice'
    | 'id_order'
    | 'storefront'
    | 'is_marketplace_deemed_supplier'
    | 'original_name'
    | 'mime_type'
    | 'ts_created_iso'
  >
>;

/** GET /orders/{id_order}?embedded=order_invoices, read for its invoices only. */
export const orderWithInvoicesSchema = z.looseObject({
  id_order: z.string(),
  order_invoices: z.array(orderInvoiceSchema).nullable().optional(),
});

export type OrderInvoice = z.infer<typeof orderInvoiceSchema>;
