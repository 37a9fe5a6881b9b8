import { z } from 'zod';
import type { OdooClient } from '../odoo.client.ts';

/**
 * ISO country code → res.country id, kept for the session: the ~250 countries never change while it runs, so
 * each code costs one lookup per session instead of one per order. Unknown codes map to `false` (no country).
 */
export class CountryIds {
  private readonly ids = new Map<string, number | false>();

  async resolve(client: OdooClient, codes: readonly string[]): Promise<(code: string) => number | false> {
    const missing = [...new Set(codes.map((c) => c.toUpperCase()))].filter((c) => !this.ids.has(c));
    if (missing.length > 0) {
      const rows = await client.searchRead(
        'res.country',
        { domain: [['code', 'in', missing]], fields: ['code'] },
        z.looseObject({ id: z.number(), code: z.string() }),
      );
      for (const code of missing) this.ids.set(code, rows.find((row) => row.code === code)?.id ?? false);
    }
    return (code) => this.ids.get(code.toUpperCase()) ?? false;
  }
}
