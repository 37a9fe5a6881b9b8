import type {
  MarketplaceSession,
  ProductContentRefusal,
  ProductContentState,
} from '../../core/ports/marketplace.port.ts';
import type { KauflandClient } from './kaufland.client.ts';
import { toStorefront } from './kaufland.mapper.ts';
import type { ProductDataLocale, ProductDataStatus } from './resources/product-data.ts';
import type { Storefront } from './resources/units.ts';

/** Product data is per language: each storefront's own locale (the spec's `Locale`). */
const LOCALE_OF: Record<Storefront, ProductDataLocale> = {
  de: 'de-DE',
  at: 'de-AT',
  cz: 'cs-CZ',
  sk: 'sk-SK',
  pl: 'pl-PL',
  fr: 'fr-FR',
  it: 'it-IT',
};

type ProductContentMethods = Required<
  Pick<
    MarketplaceSession,
    | 'productExists'
    | 'suggestCategories'
    | 'sendProductContent'
    | 'productContentState'
    | 'productContentLanguage'
  >
>;

/** The port's product content methods on Kaufland's /products/ean, /categories/decide and /product-data. */
export function kauflandProductContent(client: KauflandClient): ProductContentMethods {
  return {
    async productExists(channel, ean) {
      return (await client.productData.productByEan(toStorefront(channel), ean)) !== undefined;
    },
    async suggestCategories(channel, product) {
      const guesses = await client.productData.decideCategory(toStorefront(channel), {
        item: { title: product.title, description: product.description, manufacturer: product.brand },
        // Cents, like every Kaufland price: the spec's example sends 5280 for a 52.80 EUR cat tree.
        price: product.priceMinor,
      });
      return guesses.map((guess) => ({
        id: String(guess.id_category),
        name: guess.title_plural || guess.name,
      }));
    },
    async sendProductContent(channel, content) {
      await client.productData.put(LOCALE_OF[toStorefront(channel)], {
        ean: [content.ean],
        attributes: {
          title: [content.title],
          description: [content.description],
          manufacturer: [content.brand],
          picture: [...content.pictureUrls],
          // Kaufland's product data names the category by its name (as its import files do).
          category: [content.category.name],
        },
      });
    },
    async productContentState(channel, ean) {
      const status = await client.productData.status(LOCALE_OF[toStorefront(channel)], ean);
      return toContentState(status);
    },
    productContentLanguage: (channel) => LOCALE_OF[toStorefront(channel)],
  };
}

/** Kaufland's status as the port's: live once the product is ready, refused once the update failed. */
export function toContentState(status: ProductDataStatus | undefined): ProductContentState {
  if (status === undefined) return { state: 'none' };
  if (status.product_ready)
    return { state: 'live', productId: status.id_product === null ? null : String(status.id_product) };
  if (status.update_status === 'FAIL' || status.update_status === 'ABORTED')
    return { state: 'refused', refusals: refusalsOf(status) };
  return { state: 'processing' };
}

const NOT_READY_WORDS: Record<string, string> = {
  BLACKLISTED: 'the product is blacklisted on Kaufland',
  PORN_FORBIDDEN: 'adult products are not allowed',
  PROCESSING_FAILED: 'Kaufland could not process the product data',
  MISSING_ATTRIBUTES: 'required attributes are missing',
};
const FAIL_WORDS: Record<string, string> = {
  NOT_ENOUGH_DATA: 'not enough product data',
  NOT_ENOUGH_TEXT: 'the description is too short',
  NO_CATEGORY: 'no category could be assigned',
  ITEM_FAIL: 'the product could not be created',
  NO_ITEM: 'no product exists for the EAN',
  UNKNOWN: 'an unknown error at Kaufland',
};

function refusalsOf(status: ProductDataStatus): ProductContentRefusal[] {
  const refusals: ProductContentRefusal[] = [];
  for (const attribute of status.missing_attributes ?? [])
    refusals.push({ attribute, value: null, reason: 'missing' });
  for (const attribute of status.min_one_missing_attributes ?? [])
    refusals.push({ attribute, value: null, reason: 'at least one of these is needed' });
  for (const value of status.attribute_values ?? []) {
    if (value.state === 'DECLINED' || value.state === 'REFUSED' || value.state === 'DELETE_REJECTED')
      refusals.push({ attribute: value.attribute, value: value.original_value, reason: value.message });
  }
  if (refusals.length > 0) return refusals;
  const reason =
    (status.update_fail_reason && FAIL_WORDS[status.update_fail_reason]) ??
    (status.product_not_ready_reason && NOT_READY_WORDS[status.product_not_ready_reason]) ??
    'Kaufland refused the product data without giving a reason';
  return [{ attribute: null, value: null, reason }];
}
