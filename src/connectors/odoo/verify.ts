import { z } from 'zod';
import type { ErpConnectionCheck, ErpCredentials } from '../../core/ports/erp.port.ts';
import { connectOdoo, many2one, text } from './odoo.client.ts';

/** Models the sync reads or writes: missing rights on any of them fail the check, naming the model. */
const REQUIRED_MODELS = [
  'product.product',
  'stock.quant',
  'res.partner',
  'sale.order',
  'stock.picking',
  'stock.move',
];

/**
 * The connection test behind the ERP settings screen: version, sign-in, the warehouses and carriers to map,
 * and a read probe per model the sync needs (one cheap `search_count` each, ~20 ms).
 * Errors: `odoo.unreachable` (transient), `odoo.auth_failed`, `odoo.unknown_database`, `odoo.access_denied`
 * (details.model), `odoo.not_odoo` (config). One retry only: a person is waiting.
 */
export async function verifyConnection(credentials: ErpCredentials): Promise<ErpConnectionCheck> {
  const client = await connectOdoo({ ...credentials, retries: 1, timeoutMs: 15_000 });
  const warehouses = await client.searchRead(
    'stock.warehouse',
    { fields: ['name', 'code', 'lot_stock_id'], order: 'id asc' },
    z.looseObject({ id: z.number(), name: z.string(), code: text, lot_stock_id: many2one }),
  );
  const carriers = await client.searchRead(
    'delivery.carrier',
    { fields: ['name'], order: 'id asc' },
    z.looseObject({ id: z.number(), name: z.string() }),
  );
  for (const model of REQUIRED_MODELS) await client.searchCount(model, [['id', '=', 0]]);
  return {
    serverVersion: client.version.serverVersion,
    transport: client.transport.kind,
    userId: String(client.uid),
    warehouses: warehouses.map((w) => ({ id: String(w.id), code: w.code ?? '', name: w.name })),
    carriers: carriers.map((c) => ({ id: String(c.id), name: c.name })),
  };
}
