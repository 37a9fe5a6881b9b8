import { checkAccess } from '../access.ts';
import { DomainSyntaxError, evaluate, leaves, parseDomain, type LeafResolver } from '../domain.ts';
import { pyRepr, valueError } from '../errors.ts';
import type { Env, FieldDef, ModelDef, Rec } from '../models/types.ts';
import { modelDef, rawValue } from './registry.ts';

export interface SearchOptions {
  offset?: number;
  limit?: number | false | null;
  order?: string | null;
}

const tupleRepr = (leaf: unknown[]): string => `(${leaf.map(pyRepr).join(', ')})`;

/** Follows a dotted path through relations; checks names like Odoo does, naming the leaf it refused. */
function walk(env: Env, model: ModelDef, path: string, leaf: unknown[]): FieldDef | undefined {
  let current = model;
  let field: FieldDef | undefined;
  for (const [index, name] of path.split('.').entries()) {
    field = name === 'id' ? { type: 'integer', string: 'ID' } : current.fields[name];
    const invalid = () => valueError(`Invalid field ${current.name}.${name} in leaf ${tupleRepr(leaf)}`);
    if (!field) throw invalid();
    if (index < path.split('.').length - 1) {
      if (!field.relation) throw invalid();
      current = modelDef(env, field.relation);
    }
  }
  return field;
}

function resolver(env: Env, model: ModelDef): LeafResolver<Rec> {
  return {
    isMany: (path) => {
      const field = walk(env, model, path, [path]);
      return field?.type === 'one2many' || field?.type === 'many2many';
    },
    values: (rec, path) => {
      let current: { model: ModelDef; recs: Rec[] } = { model, recs: [rec] };
      const names = path.split('.');
      for (const [index, name] of names.entries()) {
        const field = current.model.fields[name];
        const relational =
          field?.type === 'many2one' || field?.type === 'one2many' || field?.type === 'many2many';
        const values = current.recs.map((r) => rawValue(env, current.model, r, name));
        if (!relational) return values;
        const ids = values.flatMap((v): number[] =>
          Array.isArray(v) ? (v as number[]) : typeof v === 'number' ? [v] : [],
        );
        if (index === names.length - 1) return ids;
        const comodel = modelDef(env, field.relation ?? '');
        current = {
          model: comodel,
          recs: ids.map((id) => env.db.get(comodel.name, id)).filter((r): r is Rec => !!r),
        };
      }
      return [];
    },
  };
}

function sortKey(env: Env, model: ModelDef, rec: Rec, name: string): unknown {
  const value = rawValue(env, model, rec, name);
  return value === false || value === undefined ? null : value;
}

export function sortRecords(env: Env, model: ModelDef, recs: Rec[], order?: string | null): Rec[] {
  const terms = `${order || model.order}, id`.split(',').map((term) => {
    const [name = 'id', direction = 'asc'] = term.trim().split(/\s+/);
    return { name, desc: direction.toLowerCase() === 'desc' };
  });
  return [...recs].sort((a, b) => {
    for (const { name, desc } of terms) {
      const [x, y] = [sortKey(env, model, a, name), sortKey(env, model, b, name)];
      if (x === y) continue;
      // PostgreSQL: NULLS LAST ascending, NULLS FIRST descending.
      const cmp = x === null ? 1 : y === null ? -1 : (x as number | string) < (y as number | string) ? -1 : 1;
      return desc ? -cmp : cmp;
    }
    return 0;
  });
}

export function searchRecords(
  env: Env,
  modelName: string,
  domain: unknown[] = [],
  options: SearchOptions = {},
): Rec[] {
  const model = modelDef(env, modelName);
  checkAccess(env, modelName, 'read');
  let tree;
  try {
    tree = parseDomain(domain);
  } catch (error) {
    if (error instanceof DomainSyntaxError) throw valueError(error.message);
    throw error;
  }
  const used = leaves(tree);
  for (const leaf of used) walk(env, model, leaf[0], leaf);
  const activeTest =
    env.context.active_test !== false && 'active' in model.fields && !used.some((l) => l[0] === 'active');
  const res = resolver(env, model);
  const found = env.db
    .all(modelName)
    .filter((rec) => (!activeTest || rec.active !== false) && evaluate(tree, rec, res));
  const sorted = sortRecords(env, model, found, options.order);
  const offset = options.offset ?? 0;
  return options.limit ? sorted.slice(offset, offset + options.limit) : sorted.slice(offset);
}
