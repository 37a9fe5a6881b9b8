import { createRecords, writeRecords } from '../../src/sandbox/odoo/orm/write.ts';
import { sandboxOdoo, type World } from './world.ts';

const ADMIN = 2;

/**
 * Today's rate of `currency` (units per 1 EUR, the company currency), as a seller sets it in Odoo: the currency
 * activated, today's rate row written or created. Odoo keeps one row per currency, company and day.
 */
export function setRate(world: World, currency: string, rate: number): null {
  const env = sandboxOdoo(world).instance.env(ADMIN);
  const [found] = env.db.findBy('res.currency', 'name', currency);
  if (!found) throw new Error(`bench: no Odoo currency ${currency}`);
  if (found.active !== true) writeRecords(env, 'res.currency', [found.id], { active: true });
  const today = env.now().slice(0, 10);
  const row = env.db
    .findBy('res.currency.rate', 'currency_id', found.id)
    .find((r) => r.name === today && r.company_id === 1);
  if (row) writeRecords(env, 'res.currency.rate', [row.id], { rate });
  else createRecords(env, 'res.currency.rate', [{ name: today, rate, currency_id: found.id, company_id: 1 }]);
  return null;
}
