import { AppError } from '../../../core/errors.ts';
import type { components } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { bulkUnitResponseSchema, type BulkUnitResult } from '../schemas/unit.ts';

/** `{id_unit, unit_data}`: the changes for one unit, as in PATCH /units/{id_unit}. */
export type BulkUnitUpdate = components['schemas']['UnitsBulkUpdateRequest'];

export type { BulkUnitResult };

/** More than 150 units, or one unit twice, fails the WHOLE request with 400 (spec of POST /units/bulk). */
export const BULK_MAX_UNITS = 150;

export async function bulkUpdateUnits(
  api: KauflandApi,
  storefront: components['schemas']['Storefront'],
  updates: readonly BulkUnitUpdate[],
): Promise<BulkUnitResult[]> {
  const seen = new Set<number>();
  for (const { id_unit } of updates) {
    if (seen.has(id_unit)) {
      throw new AppError(
        'bug',
        'kaufland.bulk_duplicate_unit',
        `Unit ${id_unit} appears twice in one bulk update.`,
      );
    }
    seen.add(id_unit);
  }
  const results: BulkUnitResult[] = [];
  for (let start = 0; start < updates.length; start += BULK_MAX_UNITS) {
    const chunk = updates.slice(start, start + BULK_MAX_UNITS);
    const call = { method: 'POST', path: '/units/bulk', query: { storefront }, body: chunk } as const;
    const body = await api.json(call, bulkUnitResponseSchema);
    results.push(...body.data);
  }
  return results;
}
