import { describe, expect, it } from 'vitest';
import { changeCursorSchema, changedSince, decodeCursor, START, type ChangeCursor } from './cursor.ts';
import { at, MicrosecondOdoo } from './microsecond-odoo.test-support.ts';

/** Park–Miller: the same histories on every run, so a failure can be replayed by its seed. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 48_271) % 2_147_483_647;
    return state % n;
  };
}

const second = (n: number) =>
  new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Random histories against the cursor: per second several transactions at random microseconds (so date order
 * and id order disagree), some creating, some rewriting random records, now and then a bulk import of up to
 * 1,200 records in one second; between them the sync reads a few pages of a random size. Reads happen after
 * the last write's second, as a sync cycle does a moment later: within that, nothing may be lost or repeated.
 */
describe('change cursor over random histories', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`delivers every version of every record exactly once (seed ${seed})`, async () => {
      const rand = random(seed);
      const odoo = new MicrosecondOdoo();
      const delivered = new Map<number, string>();
      let cursor: ChangeCursor = START;
      let now = 0;

      const readPages = async (pages: number) => {
        const limit = 1 + rand(400);
        for (let i = 0; i < pages; i++) {
          const before = odoo.reads.length;
          const page = await changedSince(
            odoo,
            { model: 'x', domain: [], fields: ['id'], dateField: 'write_date', limit },
            cursor,
          );
          expect(odoo.reads.length - before).toBeLessThanOrEqual(3);
          expect(page.rows.length).toBeLessThanOrEqual(limit);
          for (const { id } of page.rows) {
            expect(delivered.get(id), `record ${id} delivered twice at ${odoo.stored(id)}`).not.toBe(
              odoo.stored(id),
            );
            delivered.set(id, odoo.stored(id));
          }
          cursor = decodeCursor(JSON.stringify(page.cursor), changeCursorSchema, START);
          if (!page.hasMore) return true;
        }
        return false;
      };

      for (let round = 0; round < 40; round++) {
        for (let s = 1 + rand(3); s > 0; s--, now++) {
          const micros = new Set<number>();
          for (let t = 1 + rand(4); t > 0; t--) micros.add(1 + rand(999_999));
          for (const micro of micros) {
            const time = at(second(now), micro);
            const ids = odoo.ids();
            if (rand(12) === 0) odoo.create(time, 1 + rand(1200));
            else if (ids.length === 0 || rand(2) === 0) odoo.create(time, 1 + rand(5));
            else
              odoo.write(
                [...new Set(Array.from({ length: 1 + rand(8) }, () => ids[rand(ids.length)]!))],
                time,
              );
          }
        }
        await readPages(1 + rand(4));
      }
      while (!(await readPages(1000)));
      for (const id of odoo.ids()) expect(delivered.get(id), `record ${id}`).toBe(odoo.stored(id));
    });
  }
});
