import { checkAccess } from '../access.ts';
import type { Env } from '../models/types.ts';
import { fieldDef, fieldReader, modelDef, wireValue } from './registry.ts';

/** `read`: missing ids are skipped (not an error, as recorded); unknown fields are a ValueError. */
export function readRecords(
  env: Env,
  modelName: string,
  ids: number[],
  fields?: string[],
): Record<string, unknown>[] {
  const model = modelDef(env, modelName);
  checkAccess(env, modelName, 'read');
  const names = fields && fields.length > 0 ? fields : Object.keys(model.fields);
  for (const name of names) fieldDef(model, name);
  const readers = names
    .filter((name) => name !== 'id')
    .map((name) => ({ name, field: fieldDef(model, name), read: fieldReader(env, model, name) }));
  const out: Record<string, unknown>[] = [];
  for (const id of ids) {
    const rec = env.db.get(modelName, id);
    if (!rec) continue;
    const row: Record<string, unknown> = { id };
    for (const { name, field, read } of readers) row[name] = wireValue(env, field, read(rec));
    out.push(row);
  }
  return out;
}

const ATTRIBUTES = ['type', 'string', 'selection', 'readonly', 'store', 'relation', 'required'] as const;

export function fieldsGet(env: Env, modelName: string, allfields?: string[], attributes?: string[]) {
  const model = modelDef(env, modelName);
  const wanted = allfields && allfields.length > 0 ? allfields : Object.keys(model.fields);
  const attrs = attributes && attributes.length > 0 ? attributes : ATTRIBUTES;
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of wanted) {
    const field = model.fields[name];
    if (!field) continue;
    const full: Record<string, unknown> = {
      type: field.type,
      string: field.string,
      selection: field.selection,
      readonly: field.readonly ?? false,
      store: field.store ?? true,
      relation: field.relation,
      required: field.required ?? false,
    };
    const picked: Record<string, unknown> = {};
    for (const attr of attrs) if (full[attr] !== undefined) picked[attr] = full[attr];
    out[name] = picked;
  }
  return out;
}
