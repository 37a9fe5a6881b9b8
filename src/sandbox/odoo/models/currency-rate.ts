import { validationError } from '../errors.ts';
import {
  baseFields,
  computed,
  float,
  m2o,
  o2m,
  type Env,
  type FieldDef,
  type ModelDef,
  type Rec,
} from './types.ts';

/** The company every sandbox user works in (Odoo's main_company). */
const COMPANY_ID = 1;

const date = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  type: 'date',
  string,
  ...extra,
});

/** "YYYY-MM-DD" of the context's `date`, or today (UTC), as Odoo's `_get_rates` takes it. */
function rateDate(env: Env): string {
  const given = env.context.date;
  return typeof given === 'string' && given.length >= 10 ? given.slice(0, 10) : env.now().slice(0, 10);
}

/**
 * The newest res.currency.rate row of a currency on or before the date, the company's own before one for all
 * companies (company_id false), as Odoo 17's `_get_rates` picks it. Undefined when there is none.
 */
function latestRate(env: Env, currencyId: number, day: string): Rec | undefined {
  return env.db
    .findBy('res.currency.rate', 'currency_id', currencyId)
    .filter((row) => String(row.name) <= day && (row.company_id === COMPANY_ID || row.company_id === false))
    .sort(
      (a, b) => String(b.name).localeCompare(String(a.name)) || Number(b.company_id) - Number(a.company_id),
    )
    .at(0);
}

const ownRate = (env: Env, currencyId: number): number => {
  const row = latestRate(env, currencyId, rateDate(env));
  return typeof row?.rate === 'number' && row.rate !== 0 ? row.rate : 1.0;
};

/**
 * `rate` as Odoo 17 computes it: units of the currency per 1 unit of the company currency on the context's
 * date — its own newest rate row divided by the company currency's (1.0 each without rows). Recorded: a
 * currency with no rate row reads rate 1.0, so 1.0 proves nothing; `date` does (false without rows).
 */
function companyRelativeRate(rec: Rec, env: Env): number {
  const company = env.db.get('res.company', COMPANY_ID);
  const companyCurrency = typeof company?.currency_id === 'number' ? company.currency_id : rec.id;
  return ownRate(env, rec.id) / ownRate(env, companyCurrency);
}

/** The rate fields of res.currency (spread into its fields). */
export const currencyRateFields: Record<string, FieldDef> = {
  rate_ids: o2m('res.currency.rate', 'currency_id', 'Rates'),
  rate: computed(float('Current Rate'), companyRelativeRate),
  inverse_rate: computed(float('Inverse Rate'), (rec, env) => 1 / companyRelativeRate(rec, env)),
  // Recorded: the newest rate row's date, false without rows.
  date: computed(date('Date'), (rec, env) => {
    const rows = env.db.findBy('res.currency.rate', 'currency_id', rec.id);
    return (
      rows
        .map((row) => String(row.name))
        .sort()
        .at(-1) ?? false
    );
  }),
};

function checkOnePerDay(env: Env, rec: Rec): void {
  const clash = env.db
    .findBy('res.currency.rate', 'currency_id', rec.currency_id)
    .some((row) => row.id !== rec.id && row.name === rec.name && row.company_id === rec.company_id);
  // Odoo 17's SQL constraints currency_rate_check (rate > 0; checked on the real 17.0: 0 and −1 are both refused
  // with this message) and unique_name_per_day (name, currency_id, company_id).
  if (typeof rec.rate !== 'number' || rec.rate <= 0)
    throw validationError('The operation cannot be completed: The currency rate must be strictly positive.');
  if (clash)
    throw validationError('The operation cannot be completed: Only one currency rate per day allowed!');
}

/** res.currency.rate: `name` is the day, `rate` the units of the currency per 1 EUR (recorded: CZK 25.21). */
export const resCurrencyRate: ModelDef = {
  name: 'res.currency.rate',
  description: 'Currency Rate',
  order: 'name desc',
  fields: {
    ...baseFields(),
    name: date('Date', { required: true }),
    rate: float('Technical Rate', { default: () => 1.0 }),
    currency_id: m2o('res.currency', 'Currency', { required: true, index: true }),
    company_id: m2o('res.company', 'Company', { default: () => COMPANY_ID }),
    company_rate: computed(float('Unit per EUR'), (rec) => rec.rate),
    inverse_company_rate: computed(float('EUR per Unit'), (rec) =>
      typeof rec.rate === 'number' && rec.rate !== 0 ? 1 / rec.rate : 0,
    ),
  },
  beforeCreate: (env, vals) => ({ ...vals, name: vals.name ?? env.now().slice(0, 10) }),
  afterCreate: (env, rec) => checkOnePerDay(env, rec),
  afterWrite: (env, recs) => {
    for (const rec of recs) checkOnePerDay(env, rec);
  },
};
