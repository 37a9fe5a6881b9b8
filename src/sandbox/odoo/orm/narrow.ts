import { ODD, UNSET, type IndexKey } from '../db/field-index.ts';
import type { DomainNode } from '../domain.ts';
import type { Env, ModelDef } from '../models/types.ts';

/** The terms of the domain's top-level (implicit or explicit) AND. */
function conjuncts(node: DomainNode): DomainNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

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

/**
 * A superset of the ids the domain can match, from the smallest index lookup among its top-level `=`/`in`
 * leaves on indexed fields; undefined when none applies (scan everything). The caller still evaluates the
 * whole domain on these, so results and order are those of a full scan: 500 SKUs by `default_code in [...]`
 * look at 500 records instead of 100,000.
 */
export function candidateIds(env: Env, model: ModelDef, tree: DomainNode): Set<number> | undefined {
  let best: Set<number> | undefined;
  for (const node of conjuncts(tree)) {
    if (node.kind !== 'leaf') continue;
    const [path, operator, value] = node.leaf;
    if (operator !== '=' && operator !== 'in') continue;
    const expected: unknown = operator === 'in' ? value : [value];
    if (!Array.isArray(expected)) continue;
    const keys = expected.map(keysFor);
    if (keys.some((k) => k === undefined)) continue;
    const ids = idsFor(env, model, path, (keys as IndexKey[][]).flat());
    if (ids && (!best || ids.size < best.size)) best = ids;
  }
  return best;
}
