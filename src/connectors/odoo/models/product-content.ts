import { z } from 'zod';
import { chunks } from '../../../core/chunks.ts';
import type { ErpProductContent } from '../../../core/ports/erp.port.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';

/**
 * Fields that name a product's maker, by the modules that add them: OCA `product_brand` (product_brand_id, a
 * many2one), OCA `product_manufacturer` (manufacturer, a many2one to a partner). Odoo Community itself has none;
 * then the company's name is the brand (own goods), which the hub uses unless the seller set another.
 */
const MAKER_FIELDS = ['product_brand_id', 'manufacturer'] as const;

/** image_1920 is up to ~2 MB of base64 per product: 20 products per call keeps an answer below ~40 MB. */
const CHUNK = 20;

const fieldsSchema = z.record(z.string(), z.unknown());
const companySchema = z.looseObject({ company_id: many2one });
const companyNameSchema = z.looseObject({ name: z.string() });

const rowSchema = z.looseObject({
  default_code: text,
  description_sale: text.optional(),
  image_1920: text.optional(),
  categ_id: many2one.optional(),
  product_brand_id: z.unknown().optional(),
  manufacturer: z.unknown().optional(),
});

/** description_sale, image_1920, categ_id and a maker field if installed, for these SKUs. */
export async function readProductContent(
  client: OdooClient,
  skus: readonly string[],
): Promise<ErpProductContent[]> {
  const present = Object.keys(
    fieldsSchema.parse(await client.call('product.product', 'fields_get', null, { attributes: ['type'] })),
  );
  const makerFields = MAKER_FIELDS.filter((field) => present.includes(field));
  const companyName = await userCompanyName(client);
  const found: ErpProductContent[] = [];
  for (const chunk of chunks([...new Set(skus)], CHUNK)) {
    const rows = await client.searchRead(
      'product.product',
      {
        domain: [['default_code', 'in', chunk]],
        fields: ['default_code', 'description_sale', 'image_1920', 'categ_id', ...makerFields],
        context: { active_test: false },
      },
      rowSchema,
    );
    for (const row of rows) {
      if (row.default_code === null) continue;
      found.push({
        sku: row.default_code,
        description: row.description_sale?.trim() || null,
        image: row.image_1920 ? decodeImage(row.image_1920) : null,
        manufacturer: makerFields.map((field) => nameOf(row[field])).find((name) => name !== null) ?? null,
        category: row.categ_id ? { id: String(row.categ_id[0]), name: row.categ_id[1] } : null,
        companyName,
      });
    }
  }
  return found;
}

async function userCompanyName(client: OdooClient): Promise<string> {
  const [user] = await client.read('res.users', [client.uid], ['company_id'], undefined, companySchema);
  const companyId = user?.company_id ? user.company_id[0] : undefined;
  // Every Odoo user has a company; the first company stands in when a user record does not say.
  const [company] =
    companyId === undefined
      ? await client.searchRead('res.company', { fields: ['name'], limit: 1 }, companyNameSchema)
      : await client.read('res.company', [companyId], ['name'], undefined, companyNameSchema);
  return company?.name ?? '';
}

/** A many2one answers [id, name]; a char field its text; unset is false. */
function nameOf(value: unknown): string | null {
  if (Array.isArray(value) && typeof value[1] === 'string') return value[1];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** Odoo stores pictures as base64 of the original file; the type is read from its first bytes. */
function decodeImage(base64: string): ErpProductContent['image'] {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) return null;
  return { contentType: sniffType(bytes), bytes };
}

function sniffType(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if (bytes[0] === 0x47 && bytes[1] === 0x49) return 'image/gif';
  if (bytes[0] === 0x52 && bytes[1] === 0x49) return 'image/webp';
  if (bytes[0] === 0x3c) return 'image/svg+xml';
  return 'application/octet-stream';
}
