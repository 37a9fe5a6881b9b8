import { describe, expect, it } from 'vitest';
import { dialectFor } from './odoo.dialect.ts';
import { toMinor } from './odoo.mapper.ts';

describe('Odoo version differences', () => {
  it('knows how each version marks a storable product', () => {
    expect(dialectFor(14).storableProductVals).toEqual({ type: 'product' });
    expect(dialectFor(17).storableProductVals).toEqual({ detailed_type: 'product' });
    expect(dialectFor(18).storableProductVals).toEqual({ type: 'consu', is_storable: true });
  });

  it('knows where a move keeps its done quantity, and the order line tax field', () => {
    expect([dialectFor(16).moveDoneField, dialectFor(16).hasPicked]).toEqual(['quantity_done', false]);
    expect([dialectFor(17).moveDoneField, dialectFor(17).hasPicked]).toEqual(['quantity', true]);
    expect([dialectFor(18).lineTaxField, dialectFor(19).lineTaxField]).toEqual(['tax_id', 'tax_ids']);
  });

  it('knows how each version makes a tax price-included (18+: price_include is computed, read-only)', () => {
    expect(dialectFor(17).includedTaxVals).toEqual({ price_include: true });
    expect(dialectFor(19).includedTaxVals).toEqual({ price_include_override: 'tax_included' });
  });

  it('maps sale order states, including 16’s locked `done`', () => {
    const d = dialectFor(16);
    expect(['draft', 'sent', 'sale', 'done', 'cancel'].map((s) => d.saleState(s))).toEqual([
      'draft',
      'draft',
      'confirmed',
      'done',
      'cancelled',
    ]);
    expect([d.deliveryStatus('partial'), d.deliveryStatus(false), d.deliveryStatus('bogus')]).toEqual([
      'partial',
      null,
      null,
    ]);
  });

  it('turns Odoo float prices into minor units', () => {
    expect([toMinor(19.990000000000002), toMinor(17.5), toMinor(0.1 + 0.2), toMinor(60.38)]).toEqual([
      1999, 1750, 30, 6038,
    ]);
  });
});
