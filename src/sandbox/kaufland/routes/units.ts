import { parseJsonBody, validateBody } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { noContent, ok, page } from '../http-io.ts';
import { enumArray, idParam, pagingParams, storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';
import { unitCreateSchema, unitPatchSchema } from '../schemas.ts';
import { createUnit, deleteUnit, findUnit, patchUnit } from '../units-service.ts';
import { unitView, type UnitEmbed } from '../views.ts';
import type { UnitRecord } from '../records.ts';
import type { SandboxStore } from '../state.ts';
import type { Storefront } from '../storefronts.ts';
import { holdUnit, waitsForProduct } from '../waiting-units.ts';
import { FULFILLMENT_TYPES } from './orders.ts';

const LIST_EMBEDS = [
  'products',
  'eco_participation',
  'battery_participation',
  '',
] as const satisfies UnitEmbed[];
const WRITE_EMBEDS = ['eco_participation', 'battery_participation', ''] as const satisfies UnitEmbed[];

/** limit 0 is allowed on units (spec: minimum 0, maximum 100); it answers only the total. */
const UNIT_PAGING = { min: 0, max: 100 };

export function unitRoutes(router: Router<ApiContext>): void {
  router.add('GET', '/v2/units', listUnits);
  router.add('POST', '/v2/units', (ctx) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const embedded = enumArray(ctx.query, 'embedded', WRITE_EMBEDS);
    const input = validateBody(unitCreateSchema, parseJsonBody(ctx.rawBody));
    if (waitsForProduct(ctx.store, input, storefront)) {
      // An EAN Kaufland has no product for: accepted without a unit to show (the empty answer with a Location
      // a real integration saw); it is listed once product data made the EAN a product.
      holdUnit(ctx.store, ctx.seller, storefront, { ...input, ean: input.ean ?? '' });
      const query = new URLSearchParams({ storefront, id_offer: input.id_offer });
      return { status: 200, headers: { location: `/v2/units?${query.toString()}` } };
    }
    const unit = createUnit(ctx.store, ctx.seller, storefront, input);
    // 200 with the unit as the spec says; Location as well, because a real integration saw only that header.
    return {
      ...ok(unitView(ctx.store, unit, embedded)),
      headers: { location: `/v2/units/${unit.id_unit}?storefront=${storefront}` },
    };
  });
  router.add('GET', '/v2/units/{id_unit}', (ctx, params) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const embedded = enumArray(ctx.query, 'embedded', LIST_EMBEDS);
    const unit = findUnit(ctx.store, ctx.seller, storefront, idParam(params, 'id_unit'));
    return ok(unitView(ctx.store, unit, embedded));
  });
  router.add('PATCH', '/v2/units/{id_unit}', (ctx, params) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    const embedded = enumArray(ctx.query, 'embedded', WRITE_EMBEDS);
    const unit = findUnit(ctx.store, ctx.seller, storefront, idParam(params, 'id_unit'));
    const input = validateBody(unitPatchSchema, parseJsonBody(ctx.rawBody));
    return ok(unitView(ctx.store, patchUnit(ctx.store, unit, input), embedded));
  });
  router.add('DELETE', '/v2/units/{id_unit}', (ctx, params) => {
    const storefront = storefrontParam(ctx.query, ctx.seller, true);
    deleteUnit(ctx.store, findUnit(ctx.store, ctx.seller, storefront, idParam(params, 'id_unit')));
    return noContent();
  });
}

function listUnits(ctx: ApiContext): ReturnType<typeof page> {
  const storefront = storefrontParam(ctx.query, ctx.seller, true);
  const paging = pagingParams(ctx.query, UNIT_PAGING);
  const embedded = enumArray(ctx.query, 'embedded', LIST_EMBEDS);
  const fulfillment = enumArray(ctx.query, 'fulfillment_type', FULFILLMENT_TYPES);
  const filters: UnitFilters = {
    idOffer: ctx.query.get('id_offer'),
    ean: ctx.query.get('ean'),
    idProduct: ctx.query.get('id_product'),
  };
  // Every sandbox unit is fulfilled by the merchant, so asking only for fulfilled_by_kaufland finds nothing.
  const merchantWanted = fulfillment.length === 0 || fulfillment.includes('fulfilled_by_merchant');
  const units = merchantWanted ? matchingUnits(ctx.store, ctx.seller.id_seller, storefront, filters) : [];
  return page(units, paging, (unit) => unitView(ctx.store, unit, embedded));
}

interface UnitFilters {
  idOffer: string | null;
  ean: string | null;
  idProduct: string | null;
}

/**
 * The seller's units on the storefront that pass every filter, ascending id_unit. Starts from the narrowest index
 * (id_offer: at most one unit; ean or id_product: that product's units; else the storefront's list as it is), so a
 * look-up by SKU costs the same at 100,000 units as at 10.
 */
function matchingUnits(
  store: SandboxStore,
  idSeller: number,
  storefront: Storefront,
  { idOffer, ean, idProduct }: UnitFilters,
): readonly UnitRecord[] {
  let candidates: readonly UnitRecord[];
  if (idOffer !== null) {
    const unit = store.units.findOffer(idSeller, storefront, idOffer);
    candidates = unit ? [unit] : [];
  } else if (ean !== null) {
    const product = store.products.byEanCode(ean);
    candidates = product ? store.units.withProduct(idSeller, storefront, product.id_product) : [];
  } else if (idProduct !== null) {
    const id = Number(idProduct);
    candidates = Number.isSafeInteger(id) ? store.units.withProduct(idSeller, storefront, id) : [];
  } else {
    return store.units.listed(idSeller, storefront);
  }
  return candidates
    .filter((unit) => idProduct === null || String(unit.id_product) === idProduct)
    .filter((unit) => ean === null || (store.products.get(unit.id_product)?.eans.includes(ean) ?? false));
}
