import { z } from 'zod';
import { erpSettingsSchema } from '../../erp/erp-settings.ts';
import type { ErpView } from '../../erp/erp-view.ts';
import { responseOf } from './same-shape.ts';

/**
 * What the API shows of the ERP connection (erp/erp-view.ts). `apiKey` is the masked key (last four
 * characters), never the key. Settings reuse the stored settings' schema, which readErpSettings parses with.
 */
export const erpView = responseOf<ErpView>()(
  z.object({
    id: z.string(),
    type: z.string(),
    url: z.string(),
    database: z.string(),
    login: z.string(),
    apiKey: z.string().describe('Masked: only the last four characters are shown'),
    transport: z.string(),
    serverVersion: z.string().nullable(),
    detectedTransport: z.string().nullable(),
    transportNote: z.object({ text: z.string(), warning: z.string().nullable() }).nullable(),
    status: z.enum(['connected', 'credentials_invalid', 'error']),
    statusMessage: z.string().nullable(),
    warehouses: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    carriers: z.array(z.object({ id: z.string(), name: z.string() })),
    settings: erpSettingsSchema,
    lastVerifiedAt: z.string().nullable(),
    createdAt: z.string(),
  }),
);

/** GET /api/erp answers null while no ERP is connected. */
export const erpResponse = z.object({ erp: erpView.nullable() });
export const connectedErpResponse = z.object({ erp: erpView });
