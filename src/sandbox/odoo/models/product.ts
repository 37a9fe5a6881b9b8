import { validationError } from '../errors.ts';
import { productQuantities } from '../logic/stock.ts';
import {
  baseFields,
  boolean,
  char,
  computed,
  float,
  m2m,
  m2o,
  selection,
  text,
  binary,
  type Env,
  type FieldDef,
  type ModelDef,
  type Rec,
  type SandboxVersion,
  type Vals,
} from './types.ts';

const TEMPLATE = 'product.template';
const TYPES_17: [string, string][] = [
  ['consu', 'Consumable'],
  ['service', 'Service'],
  ['product', 'Storable Product'],
];
const TYPES_18: [string, string][] = [
  ['consu', 'Goods'],
  ['service', 'Service'],
  ['combo', 'Combo'],
];

export const productLabel = (rec: Record<string, unknown>): string => {
  const name = typeof rec.name === 'string' ? rec.name : '';
  return typeof rec.default_code === 'string' && rec.default_code ? `[${rec.default_code}] ${name}` : name;
};

/** Storable-ness moved from `detailed_type`/`type = 'product'` (≤17) to `is_storable` (18+). */
function typeFields(version: SandboxVersion): Record<string, FieldDef> {
  const owner = { owner: TEMPLATE, store: false };
  if (version >= 18) {
    return {
      type: selection('Product Type', TYPES_18, { ...owner, default: () => 'consu' }),
      is_storable: boolean('Track Inventory', { ...owner }),
    };
  }
  return {
    type: selection('Type', TYPES_17, { ...owner, default: (_e, v) => v.detailed_type ?? 'consu' }),
    detailed_type: selection('Product Type', TYPES_17, { ...owner, default: (_e, v) => v.type ?? 'consu' }),
  };
}

const quantity = (string: string, pick: (q: ReturnType<typeof productQuantities>) => number): FieldDef =>
  computed(float(string), (rec: Rec, env: Env) => pick(productQuantities(env, rec.id)));

function checkBarcode(env: Env, vals: Vals, self?: Rec): void {
  const barcode = vals.barcode;
  if (typeof barcode !== 'string' || !barcode) return;
  const clashes = env.db.findBy('product.product', 'barcode', barcode).filter((p) => p.id !== self?.id);
  if (clashes.length === 0) return;
  const names = [...clashes.map(productLabel), productLabel({ ...self, ...vals })].join(', ');
  throw validationError(
    `Barcode(s) already assigned:\n\n- Barcode "${barcode}" already assigned to product(s): ${names}\n\n` +
      "Note: products that you don't have access to will not be shown above.",
  );
}

export function productProduct(version: SandboxVersion): ModelDef {
  return {
    name: 'product.product',
    description: 'Product Variant',
    order: 'default_code, name, id',
    displayName: productLabel,
    fields: {
      ...baseFields(),
      name: char('Name', { owner: TEMPLATE, required: true }),
      default_code: char('Internal Reference', { index: true }),
      barcode: char('Barcode', { index: true }),
      list_price: float('Sales Price', { owner: TEMPLATE, digits: 2 }),
      standard_price: float('Cost', { digits: 2 }),
      sale_ok: boolean('Can be Sold', { default: () => true }),
      active: boolean('Active', { default: () => true }),
      product_tmpl_id: m2o(TEMPLATE, 'Product Template'),
      // Content a marketplace catalogue needs (issue 13); Odoo keeps them on the template, the sandbox on the variant.
      description_sale: text('Sales Description'),
      image_1920: binary('Image'),
      // Required with "All" as default up to 17; optional and empty by default from 18 (as the real 19 answers).
      categ_id: m2o('product.category', 'Product Category', version < 18 ? { default: () => 1 } : {}),
      taxes_id: m2m('account.tax', 'Sales Taxes', { default: () => [1] }),
      // Odoo's default is "Ordered quantities"; the recording's product was set to "delivery".
      invoice_policy: selection(
        'Invoicing Policy',
        [
          ['order', 'Ordered quantities'],
          ['delivery', 'Delivered quantities'],
        ],
        { owner: TEMPLATE, default: () => 'order' },
      ),
      ...typeFields(version),
      qty_available: quantity('Quantity On Hand', (q) => q.onHand),
      free_qty: quantity('Free To Use Quantity ', (q) => q.free),
      virtual_available: quantity('Forecasted Quantity', (q) => q.forecast),
      incoming_qty: quantity('Incoming', (q) => q.incoming),
      outgoing_qty: quantity('Outgoing', (q) => q.outgoing),
    },
    beforeCreate: (env, vals) => {
      checkBarcode(env, vals);
      const template = env.db.insert(TEMPLATE, {
        name: vals.name,
        default_code: vals.default_code ?? false,
        create_date: env.now(),
        write_date: env.now(),
      });
      return { ...vals, product_tmpl_id: template.id };
    },
    afterWrite: (env, recs, vals) => {
      for (const rec of recs) {
        if ('barcode' in vals) checkBarcode(env, { ...rec, barcode: vals.barcode }, rec);
        if (version < 18 && 'detailed_type' in vals) rec.type = vals.detailed_type;
        if (version < 18 && 'type' in vals) rec.detailed_type = vals.type;
        const template = env.db.get(TEMPLATE, Number(rec.product_tmpl_id));
        if (template)
          Object.assign(template, { name: rec.name, default_code: rec.default_code, write_date: env.now() });
      }
    },
  };
}

/** Odoo's product categories; the display name is the full path ("All / Saleable"), as Odoo shows it. */
export const productCategory: ModelDef = {
  name: 'product.category',
  description: 'Product Category',
  order: 'complete_name, id',
  displayName: (rec) => (typeof rec.complete_name === 'string' ? rec.complete_name : String(rec.name)),
  fields: {
    ...baseFields(),
    name: char('Name', { required: true }),
    complete_name: char('Complete Name'),
    parent_id: m2o('product.category', 'Parent Category'),
  },
};

export const productTemplate: ModelDef = {
  name: TEMPLATE,
  description: 'Product',
  order: 'name, id',
  displayName: productLabel,
  fields: { ...baseFields(), name: char('Name'), default_code: char('Internal Reference') },
};
