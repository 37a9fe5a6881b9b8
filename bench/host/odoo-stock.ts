import { LOCATION, productQuantities, quantFor } from '../../src/sandbox/odoo/logic/stock.ts';
import { applyInventory } from '../../src/sandbox/odoo/models/stock-quant.ts';
import type { StockChange } from '../ipc.ts';
import { sandboxOdoo, type World } from './world.ts';

const ADMIN = 2;

/**
 * A stock count in Odoo for each SKU: the counted quantity applied as an inventory adjustment (a done move and
 * a changed quant, exactly what `seed` and Odoo's "Apply" do), 1–5 more than before, so every change is one
 * the marketplace must see.
 */
export function changeStock(world: World, skus: readonly string[]): StockChange[] {
  const env = sandboxOdoo(world).instance.env(ADMIN);
  return skus.map((sku) => {
    const productId = world.productIds.get(sku);
    if (productId === undefined) throw new Error(`bench: no Odoo product ${sku}`);
    const quant = quantFor(env, productId, LOCATION.stock);
    const counted = Number(quant.quantity) + 1 + Math.floor(world.rng() * 5);
    quant.inventory_quantity = counted;
    applyInventory(env, quant);
    const free = productQuantities(env, productId).free;
    world.sellable.set(sku, free);
    return { sku, freeQty: free, at: Date.now() };
  });
}

/** Marketplace order ids that have an Odoo sale order. */
export function saleOrdersFor(world: World, refs: readonly string[]): string[] {
  const wanted = new Set(refs);
  return sandboxOdoo(world)
    .instance.store.all('sale.order')
    .map((order) => order.client_order_ref)
    .filter((ref): ref is string => typeof ref === 'string' && wanted.has(ref));
}

/** Odoo's free quantity per SKU, as the stock step reads it. */
export function odooFree(world: World, skus: readonly string[]): Record<string, number> {
  const env = sandboxOdoo(world).instance.env(ADMIN);
  const free: Record<string, number> = {};
  for (const sku of skus) {
    const productId = world.productIds.get(sku);
    if (productId !== undefined) free[sku] = productQuantities(env, productId).free;
  }
  return free;
}
