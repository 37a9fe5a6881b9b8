import { currencyRateFields } from './currency-rate.ts';
import { baseFields, boolean, char, float, type ModelDef } from './types.ts';

/**
 * res.currency, the part sale orders need: a fresh 17.0 database has EUR active and the others archived (a plain
 * search does not find CZK or PLN; `active_test: false` does; `write {active: true}` activates, as recorded).
 * Rates: currency-rate.ts (the offers' price conversion).
 */
export const resCurrency: ModelDef = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  fields: {
    ...baseFields(),
    name: char('Currency', { required: true, index: true }),
    symbol: char('Symbol'),
    rounding: float('Rounding Factor', { default: () => 0.01 }),
    active: boolean('Active', { default: () => true }),
    // rate, inverse_rate, date and rate_ids, computed from res.currency.rate (currency-rate.ts).
    ...currencyRateFields,
  },
};
