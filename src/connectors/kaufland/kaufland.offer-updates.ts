import { isAppError } from '../../core/errors.ts';
import type { OfferChange, OfferChangeResult } from '../../core/offer.ts';
import { failedChange, toBulkUpdate, toOfferChangeResult } from './kaufland.mapper.ts';
import type { BulkUnitResult, BulkUnitUpdate, Storefront, UnitsResource } from './resources/units.ts';
import { BULK_MAX_UNITS } from './resources/units-bulk.ts';

interface Pending {
  update: BulkUnitUpdate;
  /** The caller's changes behind it: two changes of one unit are merged, since a repeated id_unit fails the batch. */
  members: { position: number; change: OfferChange }[];
}

/**
 * Sends offer changes as POST /units/bulk calls of at most 150 units and returns one result per change, in order.
 * A per-unit refusal in the 207 fails only that change; a batch Kaufland refuses as a whole (`rejected`) fails the
 * changes of that batch; `config` and `transient` errors propagate — repeating the earlier batches is harmless,
 * since they set absolute values.
 */
export async function updateUnits(
  units: Pick<UnitsResource, 'bulkUpdate'>,
  storefront: Storefront,
  changes: readonly OfferChange[],
): Promise<OfferChangeResult[]> {
  const results: OfferChangeResult[] = [];
  const pending = new Map<number, Pending>();
  changes.forEach((change, position) => {
    let update: BulkUnitUpdate;
    try {
      update = toBulkUpdate(change);
    } catch (error) {
      if (!isAppError(error) || error.kind !== 'rejected') throw error;
      results[position] = failedChange(change, error);
      return;
    }
    if (Object.keys(update.unit_data).length === 0) {
      results[position] = { offerId: change.offerId, sku: change.sku, ok: true };
      return;
    }
    const earlier = pending.get(update.id_unit);
    if (earlier === undefined) pending.set(update.id_unit, { update, members: [{ position, change }] });
    else {
      Object.assign(earlier.update.unit_data, update.unit_data);
      earlier.members.push({ position, change });
    }
  });

  const queue = [...pending.values()];
  for (let start = 0; start < queue.length; start += BULK_MAX_UNITS) {
    const batch = queue.slice(start, start + BULK_MAX_UNITS);
    let answer: Map<number, BulkUnitResult>;
    try {
      const bulk = await units.bulkUpdate(
        storefront,
        batch.map((item) => item.update),
      );
      answer = new Map(bulk.map((result) => [result.id_unit, result]));
    } catch (error) {
      if (!isAppError(error) || error.kind !== 'rejected') throw error;
      for (const { members } of batch) {
        for (const { position, change } of members) results[position] = failedChange(change, error);
      }
      continue;
    }
    for (const { update, members } of batch) {
      const result = answer.get(update.id_unit);
      for (const { position, change } of members) results[position] = toOfferChangeResult(change, result);
    }
  }
  return results;
}
