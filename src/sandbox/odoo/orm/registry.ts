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

/**
 * Reads one field (as `rawValue` does) with the field looked up once: a search reads the same field of
 * 100,000 records.
 */
export function fieldReader(env: Env, model: ModelDef, name: string): (rec: Rec) => unknown {
  if (name === 'id') return (rec) => rec.id;
  if (name === 'display_name') return (rec) => displayName(env, model, rec);
  const field = model.fields[name];
  if (!field) return () => undefined;
  const { compute, relation, inverseName } = field;
  if (compute) return (rec) => compute(rec, env);
  if (field.type === 'one2many' && relation && inverseName) {
    const indexed = env.db.fieldIndex(relation, inverseName) !== undefined;
    return (rec) =>
      (indexed
        ? env.db.findBy(relation, inverseName, rec.id)
        : env.db.all(relation).filter((child) => child[inverseName] === rec.id)
      ).map((child) => child.id);
  }
  const many = field.type === 'many2many';
  return (rec) => {
    const value = rec[name];
    if (value === undefined) return many ? [] : false;
    return value;
  };
}

/** A field's current value as stored (ids for relations), computing the non-stored ones. */
export function rawValue(env: Env, model: ModelDef, rec: Rec, name: string): unknown {
  return fieldReader(env, model, name)(rec);
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
  // Odoo reads an empty number as 0, never false (fields.Integer/Float convert_to_record: `value or 0`); the
  // real 17.0 answers customer_rank 0 for a contact created without one.
  if (field.type === 'integer' || field.type === 'float' || field.type === 'monetary')
    return typeof value === 'number' ? value : 0;
  if (value === undefined || value === null) return false;
  return value;
}
