import { z } from 'zod';
import { isAppError } from '../../../core/errors.ts';
import type { components } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf, enumOf, intSchema, pageOf } from '../schemas/common.ts';

type Schemas = components['schemas'];
type Storefront = Schemas['Storefront'];
export type ProductDataLocale = Schemas['Locale'];
export type ProductDataBody = Schemas['ProductDataObject'];
export type CategoryDecideBody = Schemas['CategoryDecideRequestBody'];

const categorySchema = z.looseObject({
  id_category: intSchema.positive(),
  name: z.string(),
  title_singular: z.string(),
  title_plural: z.string(),
});
export type CategoryGuess = z.infer<typeof categorySchema>;

const productSchema = z.looseObject({ id_product: intSchema.positive(), eans: z.array(z.string()) });

const statusSchema = z.looseObject({
  product_ready: z.boolean(),
  update_status: enumOf<Schemas['ProductDataStatus']>()([
    'ABORTED',
    'FAIL',
    'IN_PROGRESS',
    'PENDING',
    'SUCCESS',
  ]),
  id_product: intSchema.positive().nullable(),
  product_not_ready_reason: z.string().nullable(),
  update_fail_reason: z.string().nullable(),
  attribute_values: z
    .array(
      z.looseObject({
        attribute: z.string(),
        original_value: z.string(),
        state: z.string(),
        message: z.string(),
      }),
    )
    .nullable(),
  missing_attributes: z.array(z.string()).nullable(),
  min_one_missing_attributes: z.array(z.string()).nullable(),
});
export type ProductDataStatus = z.infer<typeof statusSchema>;

export interface ProductDataResource {
  /** GET /products/ean/{ean}: the catalogue's product for the EAN; undefined when Kaufland has none (404). */
  productByEan(storefront: Storefront, ean: string): Promise<{ id_product: number } | undefined>;
  /** POST /categories/decide: Kaufland's category guesses for the product text, the likeliest first. */
  decideCategory(storefront: Storefront, body: CategoryDecideBody): Promise<CategoryGuess[]>;
  /** PUT /product-data?locale=: replaces the seller's product data for the EAN; checked by Kaufland later. */
  put(locale: ProductDataLocale, body: ProductDataBody): Promise<void>;
  /** GET /product-data/status/{ean}; undefined when Kaufland has no product data of this seller for the EAN. */
  status(locale: ProductDataLocale, ean: string): Promise<ProductDataStatus | undefined>;
}

const productBody = dataOf(productSchema);
const categoryPage = pageOf(categorySchema);
const statusBody = dataOf(statusSchema);
const anyBody = z.looseObject({ data: z.unknown() });

async function unlessNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isAppError(error) && error.code === 'kaufland.not_found') return undefined;
    throw error;
  }
}

export function createProductDataResource(api: KauflandApi): ProductDataResource {
  return {
    productByEan: (storefront, ean) =>
      unlessNotFound(async () => {
        const call = {
          method: 'GET',
          path: '/products/ean/{ean}',
          pathParams: { ean },
          query: { storefront },
        } as const;
        return (await api.json(call, productBody)).data;
      }),
    async decideCategory(storefront, body) {
      const call = { method: 'POST', path: '/categories/decide', query: { storefront }, body } as const;
      return (await api.json(call, categoryPage)).data;
    },
    async put(locale, body) {
      await api.jsonOrEmpty({ method: 'PUT', path: '/product-data', query: { locale }, body }, anyBody);
    },
    status: (locale, ean) =>
      unlessNotFound(async () => {
        const call = {
          method: 'GET',
          path: '/product-data/status/{ean}',
          pathParams: { ean },
          query: { locale },
        } as const;
        return (await api.json(call, statusBody)).data;
      }),
  };
}
