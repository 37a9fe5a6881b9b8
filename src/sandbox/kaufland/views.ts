import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import type { ProductRecord, UnitRecord } from './records.ts';
import type { SandboxStore } from './state.ts';
import { STOREFRONT_FACTS, type Storefront } from './storefronts.ts';

export type UnitView = components['schemas']['Unit'];
export type ProductView = components['schemas']['Product'];

/** `embedded` values the unit endpoints understand (UnitAndProductEmbeddedEnum). */
export type UnitEmbed = 'products' | 'eco_participation' | 'battery_participation' | '';

export function productView(product: ProductRecord, storefront: Storefront): ProductView {
  return {
    id_product: product.id_product,
    storefront,
    title: product.title,
    eans: [...product.eans],
    id_category: product.id_category,
    main_picture: `https://media.cdn.kaufland.de/product-images/2048x2048/sandbox-${product.id_product}.jpg`,
    manufacturer: product.manufacturer,
    url: `https://www.kaufland.${storefront}/product/${product.id_product}/`,
    age_rating: 0,
    is_valid: true,
    dangerous_goods_li_shipping: null,
    danger_label_9A: null,
  };
}

/**
 * A unit as the spec's Unit. `price` equals `listing_price` (the sandbox's choice: Smart Pricing is not simulated);
 * `minimum_price` falls back to the listing price because the spec requires it ≥ 1 even when never set. Participation
 * fees and the product appear only when asked for with `embedded`, as on the live API.
 */
export function unitView(
  store: SandboxStore,
  unit: UnitRecord,
  embedded: readonly UnitEmbed[] = [],
): UnitView {
  const view: UnitView = {
    status: unit.status,
    currency: STOREFRONT_FACTS[unit.storefront].currency,
    id_unit: unit.id_unit,
    note: unit.note,
    condition: unit.condition,
    listing_price: unit.listing_price,
    minimum_price: unit.minimum_price ?? unit.listing_price,
    price: unit.listing_price,
    id_offer: unit.id_offer,
    id_product: unit.id_product,
    id_shipping_group: unit.id_shipping_group,
    id_warehouse: unit.id_warehouse,
    amount: store.amountOf(unit),
    date_inserted_iso: unit.date_inserted_iso,
    date_lastchange_iso: unit.date_lastchange_iso,
    handling_time: unit.handling_time,
    shipping_rate: unit.shipping_rate,
    storefront: unit.storefront,
    transport_time_min: unit.transport_time_min,
    transport_time_max: unit.transport_time_max,
    fulfillment_type: 'fulfilled_by_merchant',
    vat_indicator: unit.vat_indicator,
  };
  const product = store.products.get(unit.id_product);
  if (embedded.includes('products') && product) view.product = productView(product, unit.storefront);
  if (embedded.includes('eco_participation')) view.eco_participation = unit.eco_participation;
  if (embedded.includes('battery_participation')) view.battery_participation = unit.battery_participation;
  return view;
}
