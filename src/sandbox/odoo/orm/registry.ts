import { userError, valueError } from '../errors.ts';
import type { Env, FieldDef, ModelDef, Rec } from '../models/types.ts';

export function modelDef(env: Env, name: string): ModelDef {
  const def = env.db.models.get(name);
  if (!def) throw userError(`Object ${name} doesn't exist`);
  return def;
}

export function fieldDef(model: ModelDef, name: string): FieldDef {
  const field = model.fields[name];
  if (!field) throw valueError(`Invalid field '${name}' on model '${model.name}'`);
  return field;
}

export function getRecord(env: Env, model: string, id: number): Rec | undefined {
  return env.db.get(model, id);
}

/** A field's current value as stored (ids for relations), computing the non-stored ones. */
export function rawValue(env: Env, model: ModelDef, rec: Rec, name: string): unknown {
  if (name === 'id') return rec.id;
  if (name === 'display_name') return displayName(env, model, rec);
  const field = model.fields[name];
  if (!field) return undefined;
  if (field.compute) return field.compute(rec, env);
  if (field.type === 'one2many' && field.relation && field.inverseName) {
    const inverse = field.inverseName;
    return env.db
      .all(field.relation)
      .filter((child) => child[inverse] === rec.id)
      .map((child) => child.id);
  }
  const value = rec[name];
  if (value === undefined) return field.type === 'many2many' ? [] : false;
  return value;
}

export function displayName(env: Env, model: ModelDef, rec: Rec): string {
  if (model.displayName) return model.displayName(rec, env);
  const name = rec.name;
  return typeof name === 'string' ? name : `${model.name},${rec.id}`;
}

export function displayNameOf(env: Env, modelName: string, id: number): string {
  const rec = env.db.get(modelName, id);
  const model = env.db.models.get(modelName);
  return rec && model ? displayName(env, model, rec) : `${modelName},${id}`;
}

/** Wire form of a value: many2one as [id, display_name], empty values as false. */
export function wireValue(env: Env, field: FieldDef, value: unknown): unknown {
  if (field.type === 'many2one') {
    if (typeof value !== 'number' || !field.relation) return false;
    return [value, displayNameOf(env, field.relation, value)];
  }
  if (field.type === 'one2many' || field.type === 'many2many') return Array.isArray(value) ? value : [];
  if (value === undefined || value === null) return false;
  return value;
}
