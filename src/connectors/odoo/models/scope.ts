import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { ErpScope } from '../../../core/ports/erp.port.ts';
import { many2one, type Context, type OdooClient } from '../odoo.client.ts';
import type { OdooDialect } from '../odoo.dialect.ts';

/** Archived products are reported too (active: false) so the hub can take their offers down. */
const ALL = { active_test: false };

/**
 * The ERP page's settings in Odoo's terms, for one session. A product of a kind outside the scope is reported
 * inactive, not left out: a kind taken out of the scope (or never applied before) must take its offers down,
 * which a product that simply stops appearing would not. The warehouse or locations become the `location` context, which Odoo's quantity fields (`free_qty`,
 * `qty_available`) honour in every version from 12 on, children included. The warehouse's stock location is
 * read once per session (one call).
 */
export class OdooScope {
  private location: Promise<number[] | undefined> | undefined;

  constructor(private readonly scope: ErpScope | undefined) {}

  /** Product fields `includes` needs, besides the usual ones. */
  kindFields(dialect: OdooDialect): string[] {
    return dialect.productKindFields;
  }

  includes(row: Record<string, unknown>, dialect: OdooDialect): boolean {
    const types = this.scope?.productTypes;
    if (!types || types.length === 0) return true;
    const kind = dialect.productKind(row);
    return kind !== 'other' && types.includes(kind);
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
