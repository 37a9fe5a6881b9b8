import { attributeError, missingError, typeError } from '../errors.ts';
import type { Env, MethodDef, Vals } from '../models/types.ts';
import { fieldsGet, readRecords } from './read.ts';
import { modelDef } from './registry.ts';
import { searchRecords, type SearchOptions } from './search.ts';
import { createRecords, unlinkRecords, writeRecords } from './write.ts';

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const searchOptions = (p: Record<string, unknown>): SearchOptions => ({
  offset: typeof p.offset === 'number' ? p.offset : 0,
  limit: typeof p.limit === 'number' ? p.limit : null,
  order: typeof p.order === 'string' ? p.order : null,
});

/** The ORM methods every model answers, with Odoo 17's parameter names (positional args bind in this order). */
export const COMMON_METHODS: Record<string, MethodDef> = {
  search: {
    model: true,
    params: ['domain', 'offset', 'limit', 'order'],
    run: (env, _ids, p) =>
      searchRecords(env, env.context.__model as string, list(p.domain), searchOptions(p)).map((r) => r.id),
  },
  search_read: {
    model: true,
    params: ['domain', 'fields', 'offset', 'limit', 'order'],
    run: (env, _ids, p) => {
      const model = env.context.__model as string;
      const ids = searchRecords(env, model, list(p.domain), searchOptions(p)).map((r) => r.id);
      return readRecords(env, model, ids, list<string>(p.fields));
    },
  },
  search_count: {
    model: true,
    params: ['domain', 'limit'],
    run: (env, _ids, p) =>
      searchRecords(env, env.context.__model as string, list(p.domain), searchOptions(p)).length,
  },
  read: {
    params: ['fields', 'load'],
    run: (env, ids, p) => readRecords(env, env.context.__model as string, ids, list<string>(p.fields)),
  },
  create: {
    model: true,
    params: ['vals_list'],
    run: (env, _ids, p) => {
      const single = !Array.isArray(p.vals_list);
      const created = createRecords(
        env,
        env.context.__model as string,
        single ? [p.vals_list as Vals] : list<Vals>(p.vals_list),
      );
      return single ? created[0] : created;
    },
  },
  write: {
    params: ['vals'],
    run: (env, ids, p) => writeRecords(env, env.context.__model as string, ids, (p.vals ?? {}) as Vals),
  },
  unlink: { params: [], run: (env, ids) => unlinkRecords(env, env.context.__model as string, ids) },
  fields_get: {
    model: true,
    params: ['allfields', 'attributes'],
    run: (env, _ids, p) =>
      fieldsGet(env, env.context.__model as string, list<string>(p.allfields), list<string>(p.attributes)),
  },
};

export interface Invocation {
  model: string;
  method: string;
  /** JSON-RPC: positional args after binding ids; JSON-2: empty. */
  args: unknown[];
  kwargs: Record<string, unknown>;
  /** JSON-2 passes ids by name. */
  ids?: number[];
}

/** Calls a model method the way Odoo's call_kw does: ids first for record methods, then args by position. */
export function invoke(env: Env, call: Invocation): unknown {
  const model = modelDef(env, call.model);
  const method = model.methods?.[call.method] ?? COMMON_METHODS[call.method];
  if (!method)
    throw attributeError(`The method '${call.method}' does not exist on the model '${call.model}'`);
  const args = [...call.args];
  let ids = call.ids ?? [];
  if (!method.model && call.ids === undefined) {
    const first = args.shift();
    ids = typeof first === 'number' ? [first] : list<number>(first);
  }
  // Reading a deleted id answers [] (recorded); any other record method on it is a MissingError.
  const missing =
    method.model || call.method === 'read' ? [] : ids.filter((id) => !env.db.get(call.model, id));
  if (missing.length > 0) throw missingError(call.model, missing, env.uid);
  const { context, ...kwargs } = call.kwargs;
  const params: Record<string, unknown> = {};
  args.forEach((value, index) => {
    const name = method.params[index];
    if (!name)
      throw typeError(
        `${call.method}() takes ${method.params.length + 1} positional arguments but ${args.length + 1} were given`,
      );
    params[name] = value;
  });
  for (const [name, value] of Object.entries(kwargs)) {
    if (!method.params.includes(name))
      throw typeError(`${call.method}() got an unexpected keyword argument '${name}'`);
    params[name] = value;
  }
  const scoped = env.withContext({
    ...(context as Record<string, unknown> | undefined),
    __model: call.model,
  });
  return method.run(scoped, ids, params);
}
