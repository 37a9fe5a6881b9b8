import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import type { OfferChange } from '../../core/offer.ts';
import { updateUnits } from './kaufland.offer-updates.ts';
import type { BulkUnitResult, BulkUnitUpdate } from './resources/units.ts';
import { unitSchema } from './schemas/unit.ts';
import { unitFixture } from './test-support/fixtures.ts';

/** A strict fake of `units.bulkUpdate`: records each batch, answers per unit, or fails a chosen batch whole. */
function fakeUnits(failBatch?: { index: number; error: AppError }) {
  const batches: BulkUnitUpdate[][] = [];
  return {
    batches,
    bulkUpdate: (_storefront: string, updates: readonly BulkUnitUpdate[]): Promise<BulkUnitResult[]> => {
      batches.push([...updates]);
      if (failBatch?.index === batches.length - 1) return Promise.reject(failBatch.error);
      return Promise.resolve(
        updates.map(({ id_unit }): BulkUnitResult =>
          id_unit === 404
            ? { id_unit, ok: false, status_code: 404, message: 'Unit not found', fields: [] }
            : { id_unit, ok: true, status_code: 200, unit: unitSchema.parse(unitFixture({ id_unit })) },
        ),
      );
    },
  };
}

const changes = (count: number, from = 1): OfferChange[] =>
  Array.from({ length: count }, (_, i) => ({ offerId: String(from + i), sku: `S${from + i}`, amount: i }));

describe('updateUnits', () => {
  it('sends 320 changes as 150 + 150 + 20 and answers each in order', async () => {
    const units = fakeUnits();
    const results = await updateUnits(units, 'de', changes(320));
    expect(units.batches.map((batch) => batch.length)).toEqual([150, 150, 20]);
    expect(results.map((result) => result.offerId)).toEqual(changes(320).map((change) => change.offerId));
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it('fails only the unit Kaufland refused, and a malformed id without sending it', async () => {
    const units = fakeUnits();
    const results = await updateUnits(units, 'de', [
      { offerId: '1', sku: 'A', amount: 1 },
      { offerId: '404', sku: 'B', amount: 1 },
      { offerId: 'x', sku: 'C', amount: 1 },
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.code))).toEqual([
      'ok',
      'kaufland.not_found',
      'kaufland.invalid_offer_id',
    ]);
    expect(units.batches[0]!.map((update) => update.id_unit)).toEqual([1, 404]);
  });

  it('merges two changes of one unit (a repeated id_unit fails a batch) and skips empty ones', async () => {
    const units = fakeUnits();
    const results = await updateUnits(units, 'de', [
      { offerId: '7', sku: 'A', amount: 1 },
      { offerId: '8', sku: 'B' },
      { offerId: '7', sku: 'A', priceMinor: 999 },
    ]);
    expect(units.batches).toEqual([[{ id_unit: 7, unit_data: { amount: 1, listing_price: 999 } }]]);
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
  });

  it('fails every change of a batch Kaufland refuses whole, and goes on with the next', async () => {
    const error = new AppError('rejected', 'kaufland.bad_request', 'Storefront cz is not configured');
    const units = fakeUnits({ index: 0, error });
    const results = await updateUnits(units, 'de', changes(160));
    expect(results.slice(0, 150).every((r) => !r.ok && r.code === 'kaufland.bad_request')).toBe(true);
    expect(results.slice(150).every((r) => r.ok)).toBe(true);
  });

  it('lets config and transient errors through', async () => {
    for (const kind of ['config', 'transient'] as const) {
      const units = fakeUnits({ index: 0, error: new AppError(kind, `kaufland.${kind}`, kind) });
      await expect(updateUnits(units, 'de', changes(2))).rejects.toMatchObject({ kind });
    }
  });
});
