import { checkAccess } from '../access.ts';
import { DomainSyntaxError, evaluate, leaves, parseDomain } from '../domain.ts';
import { valueError } from '../errors.ts';
import type { Env, Rec } from '../models/types.ts';
import { candidateIds } from './narrow.ts';
import { modelDef } from './registry.ts';
import { resolver, walk } from './resolver.ts';
import { sortRecords } from './sort.ts';

export interface SearchOptions {
  offset?: number;
  limit?: number | false | null;
  order?: string | null;
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
  const candidates = candidateIds(env, model, tree);
  const pool = candidates ? env.db.byIds(modelName, candidates) : env.db.all(modelName);
  const hiding = model.hiddenFromSearch;
  const hidden =
    hiding && !used.some((l) => hiding.unless.includes(String(l[0]))) ? hiding.hidden : () => false;
  const found = pool.filter(
    (rec) => (!activeTest || rec.active !== false) && !hidden(rec) && evaluate(tree, rec, res),
  );
  const offset = options.offset ?? 0;
  // Only the records up to the page's end need ordering (a negative offset or limit counts from the end).
  const wanted = options.limit && options.limit > 0 && offset >= 0 ? offset + options.limit : undefined;
  const sorted = sortRecords(env, model, found, options.order, wanted);
  return options.limit ? sorted.slice(offset, offset + options.limit) : sorted.slice(offset);
}
