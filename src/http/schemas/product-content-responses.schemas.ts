import { z } from 'zod';
import type { confirmCategory, ProductContentView } from '../../product-content/product-content.service.ts';
import { responseOf } from './same-shape.ts';

/** The answers of the product data page (product-content.routes.ts), bound to the service's types. */

const suggestion = z.object({ id: z.string(), name: z.string() });
const refusal = z.object({
  attribute: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  language: z.string().optional().describe('The content language it was refused in (e.g. cs-CZ)'),
});

export const productContentView = responseOf<ProductContentView>()(
  z.object({
    ean: z.string(),
    sku: z.string(),
    name: z
      .string()
      .nullable()
      .describe('The catalog’s product name; null when the product left the catalog'),
    channel: z.string(),
    state: z.enum(['known', 'needs_category', 'needs_picture', 'queued', 'sent', 'live', 'refused']),
    erpCategory: suggestion.nullable(),
    suggestions: z.array(suggestion),
    category: suggestion.nullable(),
    pictureUrl: z.string().nullable(),
    refusals: z.array(refusal),
    languages: z.array(
      z.object({
        channel: z.string(),
        language: z.string(),
        state: z.enum(['sent', 'live', 'refused']),
        textLanguage: z
          .string()
          .nullable()
          .describe('The ERP language the text was read in; null: the ERP’s default text'),
        refusals: z.array(refusal),
      }),
    ),
    sentAt: z.string().nullable(),
    liveAt: z.string().nullable(),
    updatedAt: z.string(),
  }),
);

export const productContentResponse = z.object({
  products: z.array(productContentView),
  publicUrlSet: z
    .boolean()
    .describe('Whether ADLERDO_PUBLIC_URL is set, so the marketplace can fetch pictures'),
});

export const confirmCategoryResponse = responseOf<Awaited<ReturnType<typeof confirmCategory>>>()(
  z.object({
    category: suggestion,
    alsoFor: z.number().describe('How many other products of the same ERP category took this category too'),
  }),
);

/** A change that is stored and sent with the next catalog run. */
export const okResponse = z.object({ ok: z.boolean().describe('Always true') });
