import { describe, expect, it } from 'vitest';
import { boolean, char, m2m, m2o, type ModelDef } from '../models/types.ts';
import { Store } from '../store.ts';

const thing: ModelDef = {
  name: 'x.thing',
  description: 'Thing',
  order: 'id',
  fields: {
    code: char('Code', { index: true }),
    parent_id: m2o('x.thing', 'Parent', { index: true }),
    tag_ids: m2m('x.tag', 'Tags'),
    done: boolean('Done'),
  },
};
const store = () => new Store(17, [thing]);
const codes = (db: Store, code: unknown) => db.findBy('x.thing', 'code', code).map((r) => r.id);
const plain = (db: Store) => structuredClone(db.all('x.thing').map((r) => ({ ...r })));

describe('Store transactions', () => {
  it('rolls back inserts, in-place changes, deleted fields and deletes, indexes and id order included', () => {
    const db = store();
    const a = db.insert('x.thing', { code: 'A', parent_id: false, tag_ids: [1, 2], done: false });
    const b = db.insert('x.thing', { code: 'B', parent_id: a.id, extra: 'kept' });
    const c = db.insert('x.thing', { code: 'C', parent_id: a.id });
    const before = plain(db);
    db.smsWarningPending = true;

    db.begin();
    a.code = 'A2';
    (a.tag_ids as number[]).push(3); // after the journal copied it: the copy is what comes back
    Object.assign(b, { code: 'C', parent_id: false });
    delete b.extra;
    db.remove('x.thing', a.id);
    const d = db.insert('x.thing', { code: 'A', parent_id: c.id });
    d.code = 'D';
    db.smsWarningPending = false;
    expect(codes(db, 'C')).toEqual([b.id, c.id]);
    db.rollback();

    expect(plain(db)).toEqual(before);
    expect(db.all('x.thing').map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect([codes(db, 'A'), codes(db, 'B'), codes(db, 'C'), codes(db, 'A2'), codes(db, 'D')]).toEqual([
      [a.id],
      [b.id],
      [c.id],
      [],
      [],
    ]);
    expect(db.findBy('x.thing', 'parent_id', a.id).map((r) => r.id)).toEqual([b.id, c.id]);
    expect(db.findBy('x.thing', 'parent_id', c.id)).toEqual([]);
    expect(db.smsWarningPending).toBe(true);
    expect(db.get('x.thing', d.id)).toBeUndefined();
    // Ids stay drawn, as in PostgreSQL.
    expect(db.insert('x.thing', { code: 'E' }).id).toBe(d.id + 1);
  });

  it('keeps what a committed transaction did, and changes made outside any transaction', () => {
    const db = store();
    const a = db.insert('x.thing', { code: 'A' });
    db.begin();
    a.code = 'B';
    db.commit();
    a.code = 'C';
    db.begin();
    db.rollback();
    expect(a.code).toBe('C');
    expect([codes(db, 'A'), codes(db, 'B'), codes(db, 'C')]).toEqual([[], [], [a.id]]);
  });

  it('refuses a transaction inside a transaction', () => {
    const db = store();
    db.begin();
    expect(() => db.begin()).toThrow(/already open/);
  });

  it('finds by strict equality: false is not undefined, "5" is not 5', () => {
    const db = store();
    const [unset, falsy, text, number] = [undefined, false, '5', 5].map(
      (code) => db.insert('x.thing', code === undefined ? {} : { code }).id,
    );
    expect(codes(db, false)).toEqual([falsy]);
    expect(codes(db, undefined)).toEqual([unset]);
    expect(codes(db, '5')).toEqual([text]);
    expect(codes(db, 5)).toEqual([number]);
  });

  it('does not index a deleted record that is still changed through an old reference', () => {
    const db = store();
    const a = db.insert('x.thing', { code: 'A' });
    db.remove('x.thing', a.id);
    a.code = 'B';
    expect(codes(db, 'B')).toEqual([]);
    expect(db.fieldIndex('x.thing', 'code')?.ids('B')).toEqual([]);
  });

  it('refuses findBy on a field without an index', () => {
    expect(() => store().findBy('x.thing', 'done', true)).toThrow(/no index/);
  });
});
