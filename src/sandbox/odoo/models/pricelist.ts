import {
  baseFields,
  boolean,
  char,
  integer,
  m2m,
  m2o,
  o2m,
  type ModelDef,
  type SandboxVersion,
} from './types.ts';

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

/**
 * account.fiscal.position with its tax mapping, as a German 17.0 company has them (recorded: "Domestic business
 * partner" auto-applied for DE, EU positions mapping 19% → 0% EU D). A sale order gets the first auto-applied
 * position matching its delivery country and zip (fiscal-position.ts), and its lines the product's taxes mapped.
 */
export function accountFiscalPosition(version: SandboxVersion): ModelDef {
  return {
    name: 'account.fiscal.position',
    description: 'Fiscal Position',
    order: 'sequence, id',
    fields: {
      ...baseFields(),
      name: char('Fiscal Position', { required: true }),
      sequence: integer('Sequence', { default: () => 10 }),
      auto_apply: boolean('Detect Automatically'),
      vat_required: boolean('VAT required'),
      country_id: m2o('res.country', 'Country'),
      zip_from: char('Zip Range From'),
      zip_to: char('Zip Range To'),
      company_id: m2o('res.company', 'Company', { default: () => 1 }),
      // 19 turned the mapping around: the position lists its destination taxes, and each of them names the
      // taxes it replaces (`account.tax.original_tax_ids`); account.fiscal.position.tax is gone (19.0 source).
      tax_ids:
        version >= 19
          ? m2m('account.tax', 'Taxes')
          : o2m('account.fiscal.position.tax', 'position_id', 'Tax Mapping'),
      active: boolean('Active', { default: () => true }),
    },
  };
}

export const accountFiscalPositionTax: ModelDef = {
  name: 'account.fiscal.position.tax',
  description: 'Tax Mapping of Fiscal Position',
  order: 'id',
  fields: {
    ...baseFields(),
    position_id: m2o('account.fiscal.position', 'Fiscal Position', { required: true, index: true }),
    tax_src_id: m2o('account.tax', 'Tax on Product', { required: true }),
    tax_dest_id: m2o('account.tax', 'Tax to Apply'),
  },
};
