import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { ErpScope } from '../../../core/ports/erp.port.ts';
import { many2one, type Context, type Domain, type OdooClient } from '../odoo.client.ts';
import type { OdooDialect } from '../odoo.dialect.ts';

/** Archived products are reported too (active: false) so the hub can take their offers down. */
const ALL = { active_test: false };

/** One prefix term for a domain of leaves: `['&', a, b]`. */
const asOne = (leaves: Domain): Domain => [
  ...Array<string>(Math.max(0, leaves.length - 1)).fill('&'),
  ...leaves,
];
/** Any of several leaf domains: `['|', …a, …b]`. */
const anyOf = (domains: readonly Domain[]): Domain => [
  ...Array<string>(Math.max(0, domains.length - 1)).fill('|'),
  ...domains.flatMap(asOne),
];

/**
 * The ERP page's settings in Odoo's terms, for one session. Product kinds become a domain on product reads;
 * the warehouse or locations become the `location` context, which Odoo's quantity fields (`free_qty`,
 * `qty_available`) honour in every version from 12 on, children included. The warehouse's stock location is
 * read once per session (one call).
 */
export class OdooScope {
  private location: Promise<number[] | undefined> | undefined;

  constructor(private readonly scope: ErpScope | undefined) {}

  productDomain(dialect: OdooDialect): Domain {
    const types = this.scope?.productTypes ?? [];
    if (types.length === 0 || types.length === 2) return [];
    return anyOf(
      types.map((type) => (type === 'storable' ? dialect.storableDomain : dialect.consumableDomain)),
    );
  }

  async context(client: OdooClient): Promise<Context> {
    this.location ??= this.locations(client).catch((error: unknown) => {
      this.location = undefined;
      throw error;
    });
    const location = await this.location;
    return location ? { ...ALL, location } : ALL;
  }

  private async locations(client: OdooClient): Promise<number[] | undefined> {
    const explicit = this.scope?.stockLocationIds;
    if (explicit && explicit.length > 0) return explicit.map(Number);
    const warehouseId = this.scope?.warehouseId;
    if (!warehouseId) return undefined;
    const [warehouse] = await client.read(
      'stock.warehouse',
      [Number(warehouseId)],
      ['lot_stock_id'],
      undefined,
      z.looseObject({ id: z.number(), lot_stock_id: many2one }),
    );
    if (!warehouse?.lot_stock_id) {
      throw new AppError(
        'config',
        'odoo.unknown_warehouse',
        `Odoo has no warehouse ${warehouseId} any more: choose the warehouse again on the ERP page.`,
      );
    }
    return [warehouse.lot_stock_id[0]];
  }
}
