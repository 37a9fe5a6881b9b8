import { z } from 'zod';
import { chunks } from '../../../core/chunks.ts';
import type { ErpProductTexts } from '../../../core/ports/erp.port.ts';
import { text, type OdooClient } from '../odoo.client.ts';

/** Names and descriptions only (no pictures): small answers, so many products per call. */
const CHUNK = 200;

const langSchema = z.looseObject({ code: z.string() });
const rowSchema = z.looseObject({
  default_code: text,
  name: z.string(),
  description_sale: text.optional(),
});

/**
 * The Odoo language for a BCP 47 tag ("cs-CZ" → cs_CZ), or another installed variant of the same language
 * ("de-AT" → de_DE when only that is installed); undefined when Odoo has none of it.
 */
export function odooLanguage(installed: readonly string[], language: string): string | undefined {
  const exact = language.replace('-', '_');
  if (installed.includes(exact)) return exact;
  const prefix = `${language.split('-')[0]}_`;
  return installed.find((code) => code.startsWith(prefix));
}

/**
 * The codes of Odoo's active languages, read once per session (a catalog run asks for each storefront language of
 * each batch: 7 reads of one list for an account on 7 storefronts); forgotten with the session's other learnt facts.
 */
export class InstalledLanguages {
  private codes: Promise<string[]> | undefined;

  get(client: OdooClient): Promise<string[]> {
    this.codes ??= client
      .searchRead('res.lang', { domain: [['active', '=', true]], fields: ['code'] }, langSchema)
      .then((rows) => rows.map((row) => row.code))
      .catch((error: unknown) => {
        this.codes = undefined;
        throw error;
      });
    return this.codes;
  }
}

/**
 * Product names and sales descriptions as Odoo shows them in one language: read with `context.lang`, which Odoo
 * answers from its translations (falling back to the source text where a product has none). Null when that
 * language is not installed in Odoo: then any text it answered would be the default language's.
 */
export async function readProductTexts(
  client: OdooClient,
  skus: readonly string[],
  language: string,
  languages: InstalledLanguages,
): Promise<ErpProductTexts | null> {
  const lang = odooLanguage(await languages.get(client), language);
  if (lang === undefined) return null;
  const texts: ErpProductTexts['texts'] = [];
  for (const chunk of chunks([...new Set(skus)], CHUNK)) {
    const rows = await client.searchRead(
      'product.product',
      {
        domain: [['default_code', 'in', chunk]],
        fields: ['default_code', 'name', 'description_sale'],
        context: { active_test: false, lang },
      },
      rowSchema,
    );
    for (const row of rows) {
      if (row.default_code === null) continue;
      texts.push({
        sku: row.default_code,
        name: row.name,
        description: row.description_sale?.trim() || null,
      });
    }
  }
  return { language: lang, texts };
}
