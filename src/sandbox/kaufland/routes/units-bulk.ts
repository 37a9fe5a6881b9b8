import type { components } from '../../../connectors/kaufland/generated/openapi.d.ts';
import { parseJsonBody, validateBody, zodFields } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { ProblemError, validationError } from '../errors.ts';
import { ok, type SandboxResponse } from '../http-io.ts';
import { enumArray, storefrontParam } from '../query.ts';
import type { Router } from '../router.ts';
import { bulkItemsSchema, unitPatchSchema } from '../schemas.ts';
import { patchUnit } from '../units-service.ts';
import { unitView } from '../views.ts';

type BulkResult = components['schemas']['UnitsBulkUpdateResponse']['data'][number];

/** Kaufland fails the whole request above 150 units or on a repeated id_unit; the 151st unit is never looked at. */
export const MAX_BULK_UNITS = 150;

export function bulkRoutes(router: Router<ApiContext>): void {
  router.add('POST', '/v2/units/bulk', bulkUpdate);
}

function bulkUpdate(ctx: ApiContext): SandboxResponse {
  const storefront = storefrontParam(ctx.query, ctx.seller, true);
  const embedded = enumArray(ctx.query, 'embedded', [
    'eco_participation',
    'battery_participation',
    '',
  ] as const);
  const body = parseJsonBody(ctx.rawBody);
  if (!Array.isArray(body))
    throw validationError([{ field: 'body', message: 'must be an array of {id_unit, unit_data}' }]);
  if (body.length > MAX_BULK_UNITS) {
    throw new ProblemError(
      400,
      '/problems/units/bulk-too-many-units',
      `At most ${MAX_BULK_UNITS} units per request`,
      [{ field: 'body', message: `has ${body.length} units, the maximum is ${MAX_BULK_UNITS}` }],
    );
  }
  const items = validateBody(bulkItemsSchema, body);
  const counts = new Map<number, number>();
  for (const { id_unit } of items) counts.set(id_unit, (counts.get(id_unit) ?? 0) + 1);
  const duplicates = [...counts].filter(([, count]) => count > 1);
  if (duplicates.length > 0) {
    throw new ProblemError(
      400,
      '/problems/units/bulk-duplicate-units',
      'The request contains duplicate units',
      duplicates.map(([id, count]) => ({ field: 'id_unit', message: `${id} appears ${count} times` })),
    );
  }
  const results = items.map(({ id_unit, unit_data }): BulkResult => {
    const unit = ctx.store.units.get(id_unit);
    if (!unit || unit.id_seller !== ctx.seller.id_seller || unit.storefront !== storefront) {
      return { id_unit, status_code: 404, message: 'Unit not found', errors: [] };
    }
    const parsed = unitPatchSchema.safeParse(unit_data);
    if (!parsed.success) {
      return {
        id_unit,
        status_code: 400,
        message: 'Parameters are missing or have wrong value.',
        errors: zodFields(parsed.error.issues),
      };
    }
    try {
      return {
        id_unit,
        status_code: 200,
        unit: unitView(ctx.store, patchUnit(ctx.store, unit, parsed.data), embedded),
      };
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      return { id_unit, status_code: error.status, message: error.message, errors: error.fields ?? [] };
    }
  });
  return ok(results, 207);
}
