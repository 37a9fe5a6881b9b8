import { parseJsonBody, validateBody } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { noContent, ok, page } from '../http-io.ts';
import { enumArray, idParam, pagingParams, storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';
import { unitCreateSchema, unitPatchSchema } from '../schemas.ts';
import { createUnit, deleteUnit, findUnit, patchUnit } from '../units-service.ts';
import { unitView, type UnitEmbed } from '../views.ts';
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
  const idOffer = ctx.query.get('id_offer');
  const ean = ctx.query.get('ean');
  const idProduct = ctx.query.get('id_product');
  // Every sandbox unit is fulfilled by the merchant, so asking only for fulfilled_by_kaufland finds nothing.
  const merchantWanted = fulfillment.length === 0 || fulfillment.includes('fulfilled_by_merchant');
  const units = [...ctx.store.units.values()]
    .filter(
      (unit) => unit.id_seller === ctx.seller.id_seller && unit.storefront === storefront && merchantWanted,
    )
    .filter((unit) => idOffer === null || unit.id_offer === idOffer)
    .filter((unit) => idProduct === null || String(unit.id_product) === idProduct)
    .filter((unit) => ean === null || (ctx.store.products.get(unit.id_product)?.eans.includes(ean) ?? false))
    .sort((a, b) => a.id_unit - b.id_unit);
  return page(
    units.map((unit) => unitView(ctx.store, unit, embedded)),
    paging,
  );
}
