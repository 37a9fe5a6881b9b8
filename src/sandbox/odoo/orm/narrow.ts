import { ODD, UNSET, type IndexKey } from '../db/field-index.ts';
import type { DomainNode } from '../domain.ts';
import type { Env, ModelDef } from '../models/types.ts';

/**
 * Index keys under which a stored value can satisfy `= expected`. domain.ts compares a number with a string
 * by their text (5 matches '5'), so a number is also looked up as its text and a string as the number it
 * spells exactly. undefined: no key can tell (true, arrays): the leaf does not narrow.
 */
function keysFor(expected: unknown): IndexKey[] | undefined {
  if (expected === false || expected === null || expected === undefined) return [UNSET];
  if (typeof expected === 'number') return [expected, String(expected)];
  if (typeof expected !== 'string') return undefined;
  const spelled = Number(expected);
  return String(spelled) === expected ? [expected, spelled] : [expected];
}

function idsFor(env: Env, model: ModelDef, path: string, keys: IndexKey[]): Set<number> | undefined {
  if (path === 'id') return new Set(keys.filter((key): key is number => typeof key === 'number'));
  const index = env.db.fieldIndex(model.name, path);
  if (!index) return undefined;
  const ids = new Set(index.ids(ODD));
  for (const key of keys) for (const id of index.ids(key)) ids.add(id);
  return ids;
}

/** Ids one `=`/`in` leaf on an indexed field can match; undefined for any other leaf. */
function leafIds(
  env: Env,
  model: ModelDef,
  [path, operator, value]: readonly unknown[],
): Set<number> | undefined {
  if (operator !== '=' && operator !== 'in') return undefined;
  const expected: unknown = operator === 'in' ? value : [value];
  if (!Array.isArray(expected)) return undefined;
  const keys = expected.map(keysFor);
  if (keys.some((k) => k === undefined)) return undefined;
  return idsFor(env, model, String(path), (keys as IndexKey[][]).flat());
}

/**
 * A superset of the ids the domain can match, from index lookups of its `=`/`in` leaves on indexed fields: an AND
 * takes its smallest side, an OR the union of both sides when each can tell; undefined when none applies (scan
 * everything). The caller still evaluates the whole domain on these, so results and order are those of a full
 * scan: 500 SKUs by `default_code in [...]` look at 500 records instead of 100,000, and a batch's buyers with
 * their addresses (`'|', id in [50 ids], parent_id in [50 ids]`) at ~100 partners instead of every customer
 * (10,600 after the crash scenario odoo-outage).
 */
export function candidateIds(env: Env, model: ModelDef, tree: DomainNode): Set<number> | undefined {
  switch (tree.kind) {
    case 'leaf':
      return leafIds(env, model, tree.leaf);
    case 'and': {
      const [left, right] = [candidateIds(env, model, tree.left), candidateIds(env, model, tree.right)];
      if (!left || !right) return left ?? right;
      return left.size <= right.size ? left : right;
    }
    case 'or': {
      const left = candidateIds(env, model, tree.left);
      const right = left && candidateIds(env, model, tree.right);
      if (!left || !right) return undefined;
      for (const id of right) left.add(id);
      return left;
    }
    default:
      // `not` and constants: no index can tell (a constant false matches nothing, but is rare enough to scan).
      return undefined;
  }
}
