import { validationError, valueError } from '../errors.ts';
import { createRecords } from '../orm/write.ts';
import {
  char,
  baseFields,
  boolean,
  float,
  integer,
  m2m,
  m2o,
  o2m,
  selection,
  type Env,
  type ModelDef,
  type Rec,
  type SandboxVersion,
  type Vals,
} from './types.ts';

const partnerName = (rec: Rec, env: Env): string => {
  const parent = typeof rec.parent_id === 'number' ? env.db.get('res.partner', rec.parent_id) : undefined;
  const own = typeof rec.name === 'string' && rec.name ? rec.name : '';
  if (!parent) return own;
  // Odoo 17: "Company, Contact"; an unnamed address shows as "Company, Delivery Address".
  const label =
    own || (rec.type === 'delivery' ? 'Delivery Address' : rec.type === 'invoice' ? 'Invoice Address' : '');
  return `${String(parent.name)}, ${label}`;
};

export const resPartner: ModelDef = {
  name: 'res.partner',
  description: 'Contact',
  order: 'name, id desc',
  displayName: partnerName,
  fields: {
    ...baseFields(),
    name: char('Name'),
    email: char('Email'),
    phone: char('Phone'),
    mobile: char('Mobile'),
    street: char('Street'),
    street2: char('Street2'),
    zip: char('Zip'),
    city: char('City'),
    country_id: m2o('res.country', 'Country'),
    company_name: char('Company Name'),
    is_company: boolean('Is a Company'),
    ref: char('Reference', { index: true }),
    vat: char('Tax ID'),
    lang: char('Language', { default: () => 'en_US' }),
    parent_id: m2o('res.partner', 'Related Company', { index: true }),
    child_ids: o2m('res.partner', 'parent_id', 'Contact'),
    type: selection(
      'Address Type',
      [
        ['contact', 'Contact'],
        ['invoice', 'Invoice Address'],
        ['delivery', 'Delivery Address'],
        ['other', 'Other Address'],
      ],
      { default: () => 'contact' },
    ),
    active: boolean('Active', { default: () => true }),
    customer_rank: integer('Customer Rank'),
  },
  // Odoo 17's SQL constraint res_partner_check_name: a `contact` needs a name (NULL, not ""), with or without a
  // parent; other address types may go without. A database constraint, so it also holds on write, and Odoo
  // reports it as a ValidationError prefixed "The operation cannot be completed:" (checked on the real 17.0).
  beforeCreate: (_env, vals) => {
    checkPartnerName((vals.type ?? 'contact') as string, vals.name);
    return vals;
  },
  afterWrite: (_env, recs) => {
    for (const rec of recs) checkPartnerName(rec.type as string, rec.name);
  },
};

function checkPartnerName(type: string, name: unknown): void {
  if (type === 'contact' && (name === undefined || name === null || name === false))
    throw validationError('The operation cannot be completed: Contacts require a name');
}

export const resUsers: ModelDef = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  fields: {
    ...baseFields(),
    name: char('Name'),
    login: char('Login', { required: true }),
    password: char('Password'),
    partner_id: m2o('res.partner', 'Related Partner'),
    groups_id: m2m('res.groups', 'Groups'),
    active: boolean('Active', { default: () => true }),
    share: boolean('Share User'),
    company_id: m2o('res.company', 'Company', { default: () => 1 }),
  },
  beforeCreate: (env, vals) => {
    const partner = env.db.insert('res.partner', {
      name: vals.name ?? vals.login,
      active: true,
      type: 'contact',
      create_date: env.now(),
      write_date: env.now(),
    });
    return { ...vals, partner_id: partner.id };
  },
  methods: {
    context_get: {
      model: true,
      params: [],
      run: (env) => ({ lang: 'en_US', tz: 'Europe/Berlin', uid: env.uid }),
    },
  },
};

export const resGroups: ModelDef = {
  name: 'res.groups',
  description: 'Access Groups',
  order: 'name',
  fields: { ...baseFields(), name: char('Name'), full_name: char('Group Name') },
};

export const resCompany: ModelDef = {
  name: 'res.company',
  description: 'Companies',
  order: 'sequence, name',
  fields: {
    ...baseFields(),
    name: char('Company Name'),
    partner_id: m2o('res.partner', 'Partner'),
    currency_id: m2o('res.currency', 'Currency'),
  },
};

export const resCountry: ModelDef = {
  name: 'res.country',
  description: 'Country',
  order: 'name',
  fields: { ...baseFields(), name: char('Country Name'), code: char('Country Code') },
};

/**
 * Installed languages. Like the real Odoo 17 and 19 test databases (English only: German translations ship in the
 * source but are not loaded), the sandbox has en_US alone, so a read in another language gets the stored text.
 */
export const resLang: ModelDef = {
  name: 'res.lang',
  description: 'Languages',
  order: 'active desc, name',
  fields: {
    ...baseFields(),
    name: char('Name', { required: true }),
    code: char('Locale Code', { required: true }),
    iso_code: char('ISO code'),
    active: boolean('Active', { default: () => false }),
  },
};

export const irModelData: ModelDef = {
  name: 'ir.model.data',
  description: 'Model Data',
  order: 'module, model, name',
  fields: {
    ...baseFields(),
    module: char('Module'),
    name: char('External Identifier'),
    model: char('Model Name'),
    res_id: integer('Record ID'),
  },
};

/**
 * Up to 17 `price_include` is a plain, writable boolean. From 18 it is computed from `price_include_override`
 * ('tax_included' / 'tax_excluded', else the company's default: excluded) and read-only: a `price_include` in
 * create, write or copy values is silently dropped (checked on the real 19.0 with `fields_get` and a copy).
 * The sandbox keeps it stored, derived after every create and write, so searches and amounts read it as before.
 */
export function accountTax(version: SandboxVersion): ModelDef {
  const derived = version >= 18;
  const includedOf = (vals: Vals): boolean => vals.price_include_override === 'tax_included';
  return {
    name: 'account.tax',
    description: 'Tax',
    order: 'sequence, id',
    fields: {
      ...baseFields(),
      name: char('Tax Name'),
      amount: float('Amount'),
      amount_type: selection(
        'Tax Computation',
        [
          ['group', 'Group of Taxes'],
          ['fixed', 'Fixed'],
          ['percent', 'Percentage of Price'],
          ['division', 'Percentage of Price Tax Included'],
        ],
        { default: () => 'percent' },
      ),
      price_include: boolean('Included in Price'),
      ...(version >= 19 && {
        original_tax_ids: m2m('account.tax', 'Replaces'),
        fiscal_position_ids: m2m('account.fiscal.position', 'Fiscal Positions'),
      }),
      ...(derived && {
        price_include_override: selection('Included in Price', [
          ['tax_included', 'Tax Included'],
          ['tax_excluded', 'Tax Excluded'],
        ]),
      }),
      company_id: m2o('res.company', 'Company', { default: () => 1 }),
      country_id: m2o('res.country', 'Country'),
      type_tax_use: selection('Tax Type', [
        ['sale', 'Sales'],
        ['purchase', 'Purchases'],
        ['none', 'None'],
      ]),
      active: boolean('Active', { default: () => true }),
    },
    beforeCreate: (env, vals) => (derived ? { ...vals, price_include: includedOf(vals) } : vals),
    afterWrite: (env, recs) => {
      if (derived) for (const rec of recs) rec.price_include = includedOf(rec);
    },
    methods: {
      // Public over RPC on 17.0 (repartition lines and tags come along there); a copy without a name in
      // `default` is called "<name> (Copy)".
      copy: {
        params: ['default'],
        run: (env, ids, p) => {
          const source = env.db.get('account.tax', ids[0] ?? 0);
          if (!source || ids.length !== 1)
            throw valueError(`Expected singleton: account.tax(${ids.join(', ')},)`);
          const { id: _id, create_date: _c, write_date: _w, display_name: _d, ...vals } = source;
          const defaults = (p.default ?? {}) as Record<string, unknown>;
          return createRecords(env, 'account.tax', [
            { ...vals, name: `${String(source.name)} (Copy)`, ...defaults },
          ])[0];
        },
      },
    },
  };
}
