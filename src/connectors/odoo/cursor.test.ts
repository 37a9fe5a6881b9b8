import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSandbox, type OdooSandbox } from '../../sandbox/odoo/index.ts';
import {
  changeCursorSchema,
  changedSince,
  decodeCursor,
  LEGACY_SEEN_MAX,
  START,
  TAIL_IDS,
  type ChangeCursor,
} from './cursor.ts';
import { at, MicrosecondOdoo } from './microsecond-odoo.test-support.ts';
import { createProducts } from './models/products.ts';
import { connectOdoo, type OdooClient } from './odoo.client.ts';
import { openOdooSession } from './index.ts';

/** write_date is shown to the second: many changes in one second must be paged without loss or repeats. */
describe('change cursors within one second', () => {
  let sandbox: OdooSandbox;
  let client: OdooClient;
  let clock = new Date('2026-11-27T00:23:05Z');
  beforeAll(async () => {
    sandbox = await startOdooSandbox({ now: () => clock });
    client = await connectOdoo({
      url: sandbox.url,
      database: sandbox.database,
      login: sandbox.login,
      secret: sandbox.password,
    });
  });
  afterAll(() => sandbox.close());

  it('pages 7 products written in the same second 3 at a time, then picks up later edits', async () => {
    const session = openOdooSession({
      url: sandbox.url,
      database: sandbox.database,
      login: sandbox.login,
      secret: sandbox.password,
    });
    await createProducts(
      client,
      Array.from({ length: 7 }, (_, i) => ({ sku: `SEC-${i}`, name: `Second ${i}`, price: 100 })),
    );
    const skus: string[] = [];
    let page = await session.productsChangedSince(null, 3);
    skus.push(...page.items.map((p) => p.sku));
    while (page.hasMore) {
      page = await session.productsChangedSince(page.cursor, 3);
      skus.push(...page.items.map((p) => p.sku));
    }
    expect(skus.sort()).toEqual(['SEC-0', 'SEC-1', 'SEC-2', 'SEC-3', 'SEC-4', 'SEC-5', 'SEC-6']);
    expect((await session.productsChangedSince(page.cursor, 3)).items).toEqual([]);
    const [id] = await client.search('product.product', [['default_code', '=', 'SEC-4']]);
    clock = new Date('2026-11-27T00:23:06Z');
    await client.write('product.product', [id!], { list_price: 2.5 });
    const later = await session.productsChangedSince(page.cursor, 3);
    expect(later.items.map((p) => [p.sku, p.price])).toEqual([['SEC-4', 250]]);
  });
});

const S = '2026-11-27 00:23:05';
const S1 = '2026-11-27 00:23:06';
const S2 = '2026-11-27 00:23:07';
const QUERY = { model: 'product.product', domain: [], fields: ['id'], dateField: 'write_date' };

/** One call as the sync makes it: the cursor goes through its stored JSON form in between. */
async function call(odoo: MicrosecondOdoo, cursor: ChangeCursor, limit: number) {
  const before = odoo.reads.length;
  const page = await changedSince(odoo, { ...QUERY, limit }, cursor);
  const stored = decodeCursor(JSON.stringify(page.cursor), changeCursorSchema, START);
  return {
    ids: page.rows.map((row) => row.id),
    cursor: stored,
    hasMore: page.hasMore,
    reads: odoo.reads.length - before,
  };
}

async function drain(odoo: MicrosecondOdoo, from: ChangeCursor, limit: number) {
  const ids: number[] = [];
  const reads: number[] = [];
  let cursor = from;
  for (;;) {
    const page = await call(odoo, cursor, limit);
    ids.push(...page.ids);
    reads.push(page.reads);
    cursor = page.cursor;
    if (!page.hasMore) return { ids, cursor, pages: reads.length, reads };
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('keyset over (second, id) on write_date stored to the microsecond', () => {
  it('reads 1,000 records of one second, microseconds running against ids, in ⌈1000/300⌉ calls', async () => {
    const odoo = new MicrosecondOdoo();
    // 1,000 transactions in one second, each later one with a lower id: date order is the reverse of id order.
    for (let i = 0; i < 1000; i++) odoo.create(at(S, 999_000 - i * 900));
    const drained = await drain(odoo, START, 300);
    expect(drained.ids.length).toBe(1000);
    expect([...drained.ids].sort((a, b) => a - b)).toEqual(range(1, 1000));
    expect(drained.pages).toBe(4);
    // The first call finds the second fills a page (ahead, then by id); the last reads on past it (by id, ahead).
    expect(drained.reads).toEqual([2, 1, 1, 2]);
    expect(await call(odoo, drained.cursor, 300)).toMatchObject({ ids: [], hasMore: false, reads: 1 });
  });

  it('delivers the whole seconds of a page and reads the cut one again from its start', async () => {
    const odoo = new MicrosecondOdoo();
    const seconds = ['00:00:01', '00:00:02', '00:00:03', '00:00:04', '00:00:05'];
    for (const s of seconds) for (const micros of [900, 100, 500]) odoo.create(at(`2026-01-01 ${s}`, micros));
    const first = await call(odoo, START, 7);
    expect(first).toMatchObject({ ids: [2, 3, 1, 5, 6, 4], hasMore: true, reads: 1 });
    expect(first.cursor).toEqual({ at: '2026-01-01 00:00:03', afterId: 0, seen: [], byId: false });
    const rest = await drain(odoo, first.cursor, 7);
    expect(rest.ids).toEqual([8, 9, 7, 11, 12, 10, 14, 15, 13]);
    expect(rest.reads).toEqual([1, 1]);
  });

  it('delivers a record written again in a later second, and one written into the last second read', async () => {
    const odoo = new MicrosecondOdoo();
    odoo.create(at(S, 100), 5);
    const { cursor } = await drain(odoo, START, 500);
    odoo.write([3], at(S1, 500));
    const again = await drain(odoo, cursor, 500);
    expect(again.ids).toEqual([3]);
    // Later in that same second: a record delivered in an earlier second, one with a lower id, a new one.
    odoo.write([4], at(S1, 600));
    odoo.write([1], at(S1, 700));
    odoo.create(at(S1, 800));
    const late = await drain(odoo, again.cursor, 500);
    expect(late.ids.sort((a, b) => a - b)).toEqual([1, 4, 6]);
    expect(late.cursor).toEqual({ at: S1, afterId: 0, seen: [1, 3, 4, 6], byId: false });
  });

  it('known gap: a record written again within the second it was delivered in waits for its next change', async () => {
    const odoo = new MicrosecondOdoo();
    odoo.create(at(S, 100), 3);
    const { cursor } = await drain(odoo, START, 500);
    odoo.write([2], at(S, 900));
    expect((await drain(odoo, cursor, 500)).ids).toEqual([]);
    odoo.write([2], at(S1, 100));
    expect((await drain(odoo, cursor, 500)).ids).toEqual([2]);
  });

  it(`known gap: past ${TAIL_IDS} records in one second only the highest id is kept`, async () => {
    const odoo = new MicrosecondOdoo();
    const [early] = odoo.create(at(S, 100));
    odoo.create(at(S1, 100), TAIL_IDS + 50);
    const { cursor } = await drain(odoo, START, 500);
    expect(cursor).toEqual({ at: S1, afterId: TAIL_IDS + 51, seen: [], byId: false });
    // A lower id written into that second after it was read is missed; a new record there is not.
    odoo.write([early!], at(S1, 900));
    const [created] = odoo.create(at(S1, 950));
    expect((await drain(odoo, cursor, 500)).ids).toEqual([created]);
    odoo.write([early!], at(S2, 100));
    expect((await drain(odoo, cursor, 500)).ids).toEqual([created, early]);
  });

  it('reads only the date window and ids, never the date for equality (Odoo would miss the microseconds)', async () => {
    const odoo = new MicrosecondOdoo();
    odoo.create(at(S, 100), 10);
    await drain(odoo, START, 4);
    const dateLeaves = odoo.reads.flatMap((r) =>
      (r.domain ?? []).filter((t) => Array.isArray(t) && t[0] === 'write_date'),
    );
    expect(dateLeaves.map((leaf) => (leaf as unknown[])[1])).not.toContain('=');
    expect(odoo.reads.map((r) => r.order)).toContain('id asc');
  });
});

describe('stored cursors', () => {
  it('starts from the beginning without one and refuses one it cannot read', () => {
    expect(decodeCursor(null, changeCursorSchema, START)).toBe(START);
    for (const bad of [
      '{',
      '{"at":"yesterday","afterId":0,"seen":[],"byId":false}',
      '{"at":"2026-11-27 00:23:05"}',
    ])
      expect(() => decodeCursor(bad, changeCursorSchema, START)).toThrow(
        expect.objectContaining({ kind: 'bug', code: 'odoo.bad_cursor' }),
      );
  });

  it('reads on exactly from a cursor of the former {at, seen} shape', async () => {
    const odoo = new MicrosecondOdoo();
    // The former cursor read in microsecond order: it may have seen 5 and 2 but not 1, 3, 4.
    for (const micros of [500, 200, 400, 300, 100]) odoo.create(at(S, micros));
    odoo.create(at(S1, 100));
    const legacy = decodeCursor(JSON.stringify({ at: S, seen: [5, 2] }), changeCursorSchema, START);
    expect(legacy).toEqual({ at: S, afterId: 0, seen: [2, 5], byId: false });
    expect((await drain(odoo, legacy, 2)).ids.sort((a, b) => a - b)).toEqual([1, 3, 4, 6]);
  });

  it(`restarts the second of a former cursor holding more than ${LEGACY_SEEN_MAX} ids`, async () => {
    const odoo = new MicrosecondOdoo();
    odoo.create(at(S, 100), LEGACY_SEEN_MAX + 1);
    const seen = range(1, LEGACY_SEEN_MAX + 1);
    const legacy = decodeCursor(JSON.stringify({ at: S, seen }), changeCursorSchema, START);
    expect(legacy).toEqual({ at: S, afterId: 0, seen: [], byId: true });
    const drained = await drain(odoo, legacy, 5000);
    expect(drained.ids).toEqual(seen);
    expect(drained.reads).toEqual([1, 1, 2]);
  });
});
