/** How the sandbox describes an Odoo model: fields (with the metadata fields_get shows) and RPC methods. */
export type FieldType =
  | 'char'
  | 'text'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'selection'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'datetime'
  | 'date'
  | 'json'
  | 'binary';

export type Rec = Record<string, unknown> & { id: number };
export type Vals = Record<string, unknown>;
export type SandboxVersion = 17 | 18 | 19;

export interface Env {
  readonly uid: number;
  readonly context: Record<string, unknown>;
  readonly version: SandboxVersion;
  readonly db: import('../store.ts').Store;
  /** "YYYY-MM-DD HH:MM:SS" UTC, to the second like Odoo's API shows it. */
  now(): string;
  withContext(extra: Record<string, unknown>): Env;
}

export interface FieldDef {
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one on the comodel pointing back. */
  inverseName?: string;
  selection?: [string, string][];
  required?: boolean;
  readonly?: boolean;
  store?: boolean;
  /** Decimal places kept on write, the way Odoo's float_round leaves 19.99 as 19.990000000000002. */
  digits?: number;
  compute?: (rec: Rec, env: Env) => unknown;
  default?: (env: Env, vals: Vals) => unknown;
  /** Model named in error messages when the field lives on another model (product.template). */
  owner?: string;
  /** Like Odoo's `index=True`: the store keeps ids by value, for `findBy` and for searches on `=`/`in`. */
  index?: boolean;
}

export interface MethodDef {
  /** @api.model methods take no ids. */
  model?: boolean;
  params: string[];
  run(env: Env, ids: number[], params: Record<string, unknown>): unknown;
}

export interface ModelDef {
  name: string;
  description: string;
  order: string;
  fields: Record<string, FieldDef>;
  methods?: Record<string, MethodDef>;
  displayName?: (rec: Rec, env: Env) => string;
  /** Runs before the generic create: normalise, refuse, or answer with an existing id (stock.quant). */
  beforeCreate?: (env: Env, vals: Vals) => Vals | number;
  afterCreate?: (env: Env, rec: Rec, vals: Vals) => void;
  afterWrite?: (env: Env, recs: Rec[], vals: Vals) => void;
  /** Records a search leaves out unless its domain names one of these fields (ir.attachment's field files). */
  hiddenFromSearch?: { unless: readonly string[]; hidden: (rec: Rec) => boolean };
}

type Extra = Omit<FieldDef, 'type' | 'string'>;
const make =
  (type: FieldType) =>
  (string: string, extra: Extra = {}): FieldDef => ({ type, string, ...extra });

export const char = make('char');
export const text = make('text');
export const integer = make('integer');
export const float = make('float');
export const boolean = make('boolean');
export const datetime = make('datetime');
export const date = make('date');
export const json = make('json');
export const binary = make('binary');
export const m2o = (relation: string, string: string, extra: Extra = {}): FieldDef =>
  make('many2one')(string, { relation, ...extra });
export const o2m = (relation: string, inverseName: string, string: string): FieldDef =>
  make('one2many')(string, { relation, inverseName });
export const m2m = (relation: string, string: string, extra: Extra = {}): FieldDef =>
  make('many2many')(string, { relation, ...extra });
export const selection = (string: string, values: [string, string][], extra: Extra = {}): FieldDef =>
  make('selection')(string, { selection: values, ...extra });
export const computed = (def: FieldDef, compute: FieldDef['compute']): FieldDef => ({
  ...def,
  compute,
  store: def.store ?? false,
  readonly: def.readonly ?? true,
});

/** Fields every Odoo model has. */
export function baseFields(): Record<string, FieldDef> {
  return {
    id: integer('ID', { readonly: true }),
    display_name: char('Display Name', { readonly: true, store: false }),
    create_date: datetime('Created on', { readonly: true }),
    write_date: datetime('Last Updated on', { readonly: true }),
  };
}
