import { checkAccess } from '../access.ts';
import { missingError, userError, validationError, valueError } from '../errors.ts';
import type { Env, FieldDef, ModelDef, Rec, Vals } from '../models/types.ts';
import { fieldDef, modelDef } from './registry.ts';

/** Odoo's float_round: round(value / precision) * precision, so 19.99 is kept as 19.990000000000002. */
/** Odoo's float_round, float artefacts included: a real Odoo 17 answers list_price 19.99 as 19.990000000000002. */
export function floatRound(value: number, digits: number): number {
  const precision = 10 ** -digits;
  return Math.round(Number((value / precision).toPrecision(15))) * precision;
}

function mandatoryMissing(model: ModelDef, name: string, field: FieldDef) {
  return validationError(
    'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${model.description} (${model.name})\nField: ${field.string} (${name})\n`,
  );
}

function convert(
  env: Env,
  model: ModelDef,
  name: string,
  field: FieldDef,
  value: unknown,
  current: Rec | undefined,
) {
  switch (field.type) {
    case 'many2one': {
      if (value === false || value === null) return false;
      const id: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof id !== 'number')
        throw valueError(`Wrong value for ${model.name}.${name}: ${JSON.stringify(value)}`);
      if (!env.db.get(field.relation ?? '', id)) throw missingError(field.relation ?? '', [id], env.uid);
      return id;
    }
    case 'many2many':
      return applyM2mCommands(
        env,
        field,
        Array.isArray(current?.[name]) ? (current[name] as number[]) : [],
        value,
      );
    case 'selection':
      if (value === false || value === null) return false;
      if (!field.selection?.some(([key]) => key === value)) {
        throw valueError(
          `Wrong value for ${field.owner ?? model.name}.${name}: ${JSON.stringify(value).replace(/^"(.*)"$/, "'$1'")}`,
        );
      }
      return value;
    case 'float':
    case 'monetary':
      if (typeof value !== 'number') return value === false ? 0 : Number(value);
      return field.digits === undefined ? value : floatRound(value, field.digits);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : 0;
    case 'boolean':
      return Boolean(value);
    default:
      return value === null || value === '' ? false : value;
  }
}

function applyM2mCommands(env: Env, field: FieldDef, ids: number[], value: unknown): number[] {
  if (!Array.isArray(value)) return ids;
  let out = [...ids];
  for (const command of value) {
    if (typeof command === 'number') out.push(command);
    else if (Array.isArray(command)) {
      const [op, id, arg] = command as [number, number, unknown];
      if (op === 6) out = Array.isArray(arg) ? (arg as number[]) : [];
      else if (op === 4) out.push(id);
      else if (op === 3) out = out.filter((x) => x !== id);
      else if (op === 5) out = [];
    }
  }
  for (const id of out)
    if (!env.db.get(field.relation ?? '', id)) throw missingError(field.relation ?? '', [id], env.uid);
  return [...new Set(out)];
}

function applyO2mCommands(env: Env, field: FieldDef, parent: Rec, value: unknown): void {
  if (!Array.isArray(value) || !field.relation || !field.inverseName) return;
  for (const command of value as unknown[][]) {
    const [op, id, vals] = command as [number, number, Vals | undefined];
    if (op === 0) createRecords(env, field.relation, [{ ...vals, [field.inverseName]: parent.id }]);
    else if (op === 1) writeRecords(env, field.relation, [id], vals ?? {});
    else if (op === 2) env.db.remove(field.relation, id);
    else if (op === 4) writeRecords(env, field.relation, [id], { [field.inverseName]: parent.id });
  }
}

function assign(env: Env, model: ModelDef, rec: Rec, vals: Vals, later: [FieldDef, unknown][]): void {
  for (const [name, value] of Object.entries(vals)) {
    const field = fieldDef(model, name);
    if (field.type === 'one2many') later.push([field, value]);
    else if (!field.compute || field.store) rec[name] = convert(env, model, name, field, value, rec);
  }
}

export function createRecords(env: Env, modelName: string, valsList: Vals[]): number[] {
  const model = modelDef(env, modelName);
  checkAccess(env, modelName, 'create');
  for (const vals of valsList) for (const name of Object.keys(vals)) fieldDef(model, name);
  return valsList.map((input) => {
    const prepared = model.beforeCreate ? model.beforeCreate(env, input) : input;
    if (typeof prepared === 'number') return prepared;
    const vals: Vals = { ...prepared };
    for (const [key, value] of Object.entries(env.context)) {
      const name = key.slice('default_'.length);
      if (key.startsWith('default_') && model.fields[name] && !(name in vals)) vals[name] = value;
    }
    for (const [name, field] of Object.entries(model.fields)) {
      if (!(name in vals) && field.default) vals[name] = field.default(env, vals);
    }
    const now = env.now();
    const rec: Rec = { id: 0, create_date: now, write_date: now };
    const later: [FieldDef, unknown][] = [];
    assign(env, model, rec, vals, later);
    for (const [name, field] of Object.entries(model.fields)) {
      const value = rec[name];
      if (field.required && (value === undefined || value === false))
        throw mandatoryMissing(model, name, field);
    }
    const stored = env.db.insert(modelName, rec);
    for (const [field, value] of later) applyO2mCommands(env, field, stored, value);
    model.afterCreate?.(env, stored, vals);
    return stored.id;
  });
}

export function writeRecords(env: Env, modelName: string, ids: number[], vals: Vals): true {
  const model = modelDef(env, modelName);
  checkAccess(env, modelName, 'write');
  for (const name of Object.keys(vals)) fieldDef(model, name);
  const missing = ids.filter((id) => !env.db.get(modelName, id));
  if (missing.length > 0) throw missingError(modelName, missing, env.uid);
  const recs = ids.map((id) => env.db.get(modelName, id) as Rec);
  for (const rec of recs) {
    const later: [FieldDef, unknown][] = [];
    assign(env, model, rec, vals, later);
    for (const [name, field] of Object.entries(model.fields)) {
      if (field.required && name in vals && rec[name] === false) throw mandatoryMissing(model, name, field);
    }
    rec.write_date = env.now();
    for (const [field, value] of later) applyO2mCommands(env, field, rec, value);
  }
  model.afterWrite?.(env, recs, vals);
  return true;
}

export function unlinkRecords(env: Env, modelName: string, ids: number[]): true {
  modelDef(env, modelName);
  checkAccess(env, modelName, 'unlink');
  const missing = ids.filter((id) => !env.db.get(modelName, id));
  if (missing.length > 0) throw missingError(modelName, missing, env.uid);
  if (modelName === 'sale.order' && ids.some((id) => env.db.get(modelName, id)?.state === 'sale')) {
    throw userError(
      'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
    );
  }
  for (const id of ids) env.db.remove(modelName, id);
  return true;
}
