import { z } from 'zod';
import { marketplaceConnector } from '../connectors/index.ts';
import { connectOdoo } from '../connectors/odoo/index.ts';
import type { OdooSandbox } from '../sandbox/odoo/index.ts';

// Demo rates per 1 EUR: CZK as recorded on the real 17.0 (25.21), PLN about the market's.
const DEMO_RATES: Record<string, number> = { CZK: 25.21, PLN: 4.27 };

/**
 * A fresh Odoo ships CZK and PLN archived, so the demo's Czech and Polish storefronts would get no offers and
 * their orders would wait for a seller to activate the currency. The demo does what a seller would once, in
 * Accounting → Currencies: activate each storefront's currency and give it a rate (only where it has none, so a
 * rate set by anyone else stays). Then a kaufland.cz order lands in Odoo in CZK with the buyer's total.
 */
export async function activateDemoCurrencies(
  odoo: OdooSandbox,
  storefronts: readonly string[],
): Promise<void> {
  const kaufland = marketplaceConnector('kaufland');
  const codes = [...new Set(storefronts.map((s) => kaufland.channelCurrency(s)))].filter(
    (code): code is string => code !== undefined && code in DEMO_RATES,
  );
  if (codes.length === 0) return;
  const client = await connectOdoo({
    url: odoo.url,
    database: odoo.database,
    login: odoo.login,
    secret: odoo.apiKey,
  });
  const rows = await client.searchRead(
    'res.currency',
    { domain: [['name', 'in', codes]], fields: ['name', 'rate_ids'], context: { active_test: false } },
    z.looseObject({ id: z.number(), name: z.string(), rate_ids: z.array(z.number()) }),
  );
  for (const row of rows) {
    await client.write('res.currency', [row.id], { active: true });
    if (row.rate_ids.length === 0)
      await client.create('res.currency.rate', {
        name: new Date().toISOString().slice(0, 10),
        rate: DEMO_RATES[row.name],
        currency_id: row.id,
        company_id: 1,
      });
  }
}
