import { parseJsonBody } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { noContent, ok, page, type SandboxResponse } from '../http-io.ts';
import { enumArray, idParam, isoParam, pagingParams, storefrontParam } from '../query.ts';
import { RETURN_UNIT_STATUSES } from '../control-schemas.ts';
import { returnUnitView } from '../return-unit-view.ts';
import { returnUnitDetailsView, type ReturnUnitEmbed } from '../return-views.ts';
import { answerReturnUnit, findReturnUnit, type ReturnAction } from '../returns.ts';
import type { Router } from '../router.ts';
import { FULFILLMENT_TYPES } from './orders.ts';
import { sortParam } from './returns.ts';

const RETURN_UNIT_EMBEDS = ['return', 'order_unit', 'tickets'] as const satisfies readonly ReturnUnitEmbed[];
const ACTIONS: readonly ReturnAction[] = ['accept', 'reject', 'clarify', 'repair'];

export function returnUnitRoutes(router: Router<ApiContext>): void {
  router.add('GET', '/v2/return-units', listReturnUnits);
  router.add('GET', '/v2/return-units/{id_return_unit}', (ctx, params) => {
    const embedded = enumArray(ctx.query, 'embedded', RETURN_UNIT_EMBEDS);
    const unit = findReturnUnit(ctx.store, ctx.seller, idParam(params, 'id_return_unit'));
    return ok(returnUnitDetailsView(ctx.store, unit, embedded));
  });
  // Each answers 204, or 404 unknown unit, 400 invalid body, 403 when the unit's status does not allow it.
  for (const action of ACTIONS) {
    router.add('PATCH', `/v2/return-units/{id_return_unit}/${action}`, (ctx, params) => {
      const unit = findReturnUnit(ctx.store, ctx.seller, idParam(params, 'id_return_unit'));
      const body = action === 'reject' || action === 'clarify' ? parseJsonBody(ctx.rawBody) : undefined;
      answerReturnUnit(ctx.store, unit, action, body);
      return noContent();
    });
  }
}

/** A return unit changes with its return: `ts_updated:desc` sorts by the return's last change. */
function listReturnUnits(ctx: ApiContext): SandboxResponse {
  const storefront = storefrontParam(ctx.query, ctx.seller, false);
  const createdFrom = isoParam(ctx.query, 'ts_created_from_iso');
  const statuses = enumArray(ctx.query, 'status', RETURN_UNIT_STATUSES);
  const fulfillment = enumArray(ctx.query, 'fulfillment_type', FULFILLMENT_TYPES);
  const byUpdate = sortParam(ctx.query) === 'ts_updated:desc';
  const paging = pagingParams(ctx.query, { min: 1, max: 100 });
  const merchantWanted = fulfillment.length === 0 || fulfillment.includes('fulfilled_by_merchant');
  const timeOf = (unit: { id_return: number; ts_created_iso: string }) =>
    byUpdate
      ? (ctx.store.returns.get(unit.id_return)?.ts_updated_iso ?? unit.ts_created_iso)
      : unit.ts_created_iso;
  const units = [...ctx.store.returnUnits.values()]
    .filter((unit) => unit.id_seller === ctx.seller.id_seller && merchantWanted)
    .filter((unit) => storefront === undefined || unit.storefront === storefront)
    .filter((unit) => statuses.length === 0 || statuses.includes(unit.status))
    .filter((unit) => createdFrom === undefined || Date.parse(unit.ts_created_iso) >= createdFrom)
    .sort((a, b) => timeOf(b).localeCompare(timeOf(a)) || b.id_return_unit - a.id_return_unit);
  return page(units, paging, returnUnitView);
}
