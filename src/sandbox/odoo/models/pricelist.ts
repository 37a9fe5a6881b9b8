import { baseFields, boolean, char, integer, m2o, type ModelDef } from './types.ts';

/**
 * product.pricelist as the real 17.0 shows it: a pricelist carries the sale currency; a sale order's `currency_id`
 * follows its `pricelist_id`. The display name adds the currency ("Kaufland CZ MNY26KBP (CZK)", recorded).
 */
export const productPricelist: ModelDef = {
  name: 'product.pricelist',
  description: 'Pricelist',
  order: 'sequence asc, id asc',
  displayName: (rec, env) => {
    const currency = env.db.get('res.currency', Number(rec.currency_id));
    return currency ? `${String(rec.name)} (${String(currency.name)})` : String(rec.name);
  },
  fields: {
    ...baseFields(),
    name: char('Pricelist Name', { required: true }),
    currency_id: m2o('res.currency', 'Currency', {
      required: true,
      default: (env) => env.db.get('res.company', 1)?.currency_id ?? false,
    }),
    company_id: m2o('res.company', 'Company', { default: () => 1 }),
    active: boolean('Active', { default: () => true }),
    sequence: integer('Sequence', { default: () => 16 }),
  },
};

/** account.fiscal.position: only what a sale order shows (the sandbox seeds none, so orders carry `false`). */
export const accountFiscalPosition: ModelDef = {
  name: 'account.fiscal.position',
  description: 'Fiscal Position',
  order: 'sequence',
  fields: {
    ...baseFields(),
    name: char('Fiscal Position', { required: true }),
    auto_apply: boolean('Detect Automatically'),
    country_id: m2o('res.country', 'Country'),
    active: boolean('Active', { default: () => true }),
  },
};
