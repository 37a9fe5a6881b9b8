import { z } from 'zod';
import { AppError, toAppError } from '../../../core/errors.ts';
import type { OdooClient } from '../odoo.client.ts';
import { OrderMoneyCache } from './order-money-cache.ts';

const currencySchema = z.looseObject({ id: z.number(), name: z.string(), active: z.boolean() });
const pricelistSchema = z.looseObject({ id: z.number() });

/** A pricelist id per currency code, or why that currency cannot carry an order (kind `rejected`). */
export type PricelistByCurrency = Map<string, number | AppError>;

/** "Kaufland CZK": the name a seller recognises in Odoo's pricelist list and on the sale order. */
export const pricelistName = (channel: string, code: string): string => `${channel} ${code}`;

/**
 * The sale order's currency is its pricelist's (recorded on 17.0: a CZK pricelist gives the order CZK and keeps an
 * explicit price_unit as it is), so every order currency gets one pricelist, found by name and currency or
 * created once: 1 call per batch and currency, 2 the first time. Currencies are read with `active_test: false`
 * because Odoo hides inactive ones (CZK and PLN on a fresh German company). An inactive or unknown currency, or
 * a refused create (a constraint, or an API user without the right to create pricelists), is an answer for that
 * currency's orders, not a failed batch.
 */
export async function pricelistsFor(
  client: OdooClient,
  codes: readonly string[],
  channel: string,
  cache = new OrderMoneyCache(),
): Promise<PricelistByCurrency> {
  const result: PricelistByCurrency = new Map();
  const key = (code: string) => `${channel}\u0000${code}`;
  const wanted = [...new Set(codes)].filter((code) => {
    const known = cache.pricelists.get(key(code));
    if (known !== undefined) result.set(code, known);
    return known === undefined;
  });
  if (wanted.length === 0) return result;
  const currencies = await client.searchRead(
    'res.currency',
    { domain: [['name', 'in', wanted]], fields: ['name', 'active'], context: { active_test: false } },
    currencySchema,
  );
  for (const code of wanted) {
    const currency = currencies.find((c) => c.name === code);
    if (!currency || !currency.active) {
      result.set(code, notUsable(code, currency !== undefined));
      continue;
    }
    try {
      const id = await findOrCreate(client, currency.id, pricelistName(channel, code));
      cache.pricelists.set(key(code), id);
      result.set(code, id);
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.kind !== 'rejected' && error.code !== 'odoo.access_denied') throw error;
      const name = pricelistName(channel, code);
      result.set(
        code,
        new AppError(
          'rejected',
          'odoo.pricelist_refused',
          `Odoo refused the pricelist "${name}": ${error.message}`,
          {
            details: {
              currency: code,
              hint: `Create the pricelist "${name}" in ${code} in Odoo (Sales → Products → Pricelists), or give the Odoo user AdlerDo signs in with the right to create pricelists (Sales: Administrator); the order goes through on the next cycle.`,
            },
          },
        ),
      );
    }
  }
  return result;
}

async function findOrCreate(client: OdooClient, currencyId: number, name: string): Promise<number> {
  const [found] = await client.searchRead(
    'product.pricelist',
    {
      domain: [
        ['name', '=', name],
        ['currency_id', '=', currencyId],
      ],
      fields: ['id'],
      order: 'id asc',
      limit: 1,
    },
    pricelistSchema,
  );
  return found?.id ?? (await client.create('product.pricelist', { name, currency_id: currencyId }));
}

function notUsable(code: string, known: boolean): AppError {
  return new AppError(
    'rejected',
    known ? 'odoo.currency_inactive' : 'odoo.unknown_currency',
    known
      ? `The order is in ${code}, which is not active in Odoo.`
      : `The order is in ${code}, which Odoo does not know.`,
    {
      details: {
        currency: code,
        hint: `Activate ${code} in Odoo (Accounting → Configuration → Currencies) and give it a rate; the order goes through on the next cycle.`,
      },
    },
  );
}
