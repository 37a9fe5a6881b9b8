import { z } from 'zod';
import type { ErpCurrencies } from '../../../core/ports/erp.port.ts';
import { many2one, type OdooClient } from '../odoo.client.ts';

const currencySchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  active: z.boolean(),
  rate: z.number(),
  rounding: z.number().positive(),
  // The newest rate row's day; false when the currency has no rate row (then Odoo reads `rate` 1.0, a guess).
  date: z.union([z.string(), z.literal(false)]),
});

/**
 * The user's company currency, kept for the session: it is read once (2 calls) since Odoo forbids changing it
 * once the company has journal entries.
 */
export class CompanyCurrency {
  private code: Promise<string> | undefined;

  get(client: OdooClient): Promise<string> {
    this.code ??= readCompanyCurrency(client).catch((error: unknown) => {
      this.code = undefined;
      throw error;
    });
    return this.code;
  }
}

async function readCompanyCurrency(client: OdooClient): Promise<string> {
  const [user] = await client.read(
    'res.users',
    [client.uid],
    ['company_id'],
    undefined,
    z.looseObject({ company_id: many2one }),
  );
  const companyId = user?.company_id === false || user === undefined ? 1 : user.company_id[0];
  const [company] = await client.read(
    'res.company',
    [companyId],
    ['currency_id'],
    undefined,
    z.looseObject({ currency_id: many2one }),
  );
  return company?.currency_id ? company.currency_id[1] : 'EUR';
}

/**
 * Currencies by ISO code, one call: `active_test: false` because Odoo hides inactive ones (CZK and PLN on a
 * fresh German company, recorded), and `rate` is already relative to the user's company currency on today's
 * date, the rate Odoo itself converts with. A currency without a rate row gets `rate: null` instead of
 * Odoo's 1.0; the company currency is always 1.
 */
export async function readCurrencies(
  client: OdooClient,
  codes: readonly string[],
  company: CompanyCurrency,
): Promise<ErpCurrencies> {
  const companyCurrency = await company.get(client);
  const wanted = [...new Set([...codes.map((c) => c.toUpperCase()), companyCurrency])];
  const rows = await client.searchRead(
    'res.currency',
    {
      domain: [['name', 'in', wanted]],
      fields: ['name', 'active', 'rate', 'rounding', 'date'],
      context: { active_test: false },
    },
    currencySchema,
  );
  return {
    companyCurrency,
    currencies: rows.map((row) => ({
      code: row.name,
      active: row.active,
      rate: row.name === companyCurrency ? 1 : row.date === false ? null : row.rate,
      rounding: row.rounding,
    })),
  };
}
