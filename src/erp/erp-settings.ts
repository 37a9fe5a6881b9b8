import { z } from 'zod';
import { text } from '../core/text.ts';

/** ERP record ids as text (Odoo's are integers; other ERPs may use codes). */
const recordId = text().min(1).max(200, 'Use at most 200 characters.');

const fields = {
  warehouseId: recordId.nullable(),
  /** Stock locations whose free quantity counts; null = the warehouse's main stock location. */
  stockLocationIds: z.array(recordId).max(1000, 'Choose at most 1,000 locations.').nullable(),
  /** Units held back from every marketplace per SKU (each account may hold back more). */
  safetyBuffer: z
    .number({ error: 'Enter a number of units.' })
    .int('Enter whole units.')
    .min(0, 'Use 0 to 99,999 units.')
    .max(99_999, 'Use 0 to 99,999 units.'),
  productTypes: z.array(z.enum(['storable', 'consumable'])).min(1, 'Choose at least one product type.'),
};

/** What the sync reads from the ERP. Defaults: the first warehouse, its stock location, storable products only. */
export const erpSettingsSchema = z.object({
  warehouseId: fields.warehouseId.default(null),
  stockLocationIds: fields.stockLocationIds.default(null),
  safetyBuffer: fields.safetyBuffer.default(0),
  productTypes: fields.productTypes.default(['storable']),
});

export type ErpSettings = z.infer<typeof erpSettingsSchema>;

/** Only the fields given: zod fills defaults even inside .partial(), which would reset every field left out. */
export const erpSettingsPatchSchema = z.object(fields).partial().strict();
export type ErpSettingsPatch = z.input<typeof erpSettingsPatchSchema>;

export function readErpSettings(stored: unknown): ErpSettings {
  const parsed = erpSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : erpSettingsSchema.parse({});
}
