import { missingError, userError } from '../errors.ts';
import { LOCATION, doneMove, quantFor } from '../logic/stock.ts';
import { baseFields, boolean, computed, float, m2o, type Env, type ModelDef, type Rec } from './types.ts';

const INVENTORY_FIELDS = new Set([
  'product_id',
  'location_id',
  'lot_id',
  'package_id',
  'owner_id',
  'inventory_quantity',
  'inventory_quantity_auto_apply',
  'inventory_date',
  'user_id',
]);

/** Counted quantity becomes the quantity on hand through a done move from/to "Inventory adjustment". */
export function applyInventory(env: Env, quant: Rec): void {
  const diff = Number(quant.inventory_quantity) - Number(quant.quantity);
  const [product, location] = [Number(quant.product_id), Number(quant.location_id)];
  if (diff > 0) doneMove(env, product, LOCATION.inventoryLoss, location, diff, 'Product Quantity Updated');
  if (diff < 0) doneMove(env, product, location, LOCATION.inventoryLoss, -diff, 'Product Quantity Updated');
  Object.assign(quant, { inventory_quantity: 0, inventory_quantity_set: false, write_date: env.now() });
}

export const stockQuant: ModelDef = {
  name: 'stock.quant',
  description: 'Quants',
  order: 'id',
  fields: {
    ...baseFields(),
    product_id: m2o('product.product', 'Product', { required: true, index: true }),
    location_id: m2o('stock.location', 'Location', { required: true }),
    quantity: float('Quantity', { readonly: true }),
    reserved_quantity: float('Reserved Quantity', { readonly: true }),
    inventory_quantity: float('Counted Quantity'),
    inventory_quantity_auto_apply: float('Inventoried Quantity'),
    inventory_quantity_set: boolean('Inventory Quantity Set'),
    available_quantity: computed(
      float('Available Quantity'),
      (rec) => Number(rec.quantity) - Number(rec.reserved_quantity),
    ),
  },
  /** In inventory mode a "create" sets the counted quantity of the existing quant (the recording gets id 1 back each time). */
  beforeCreate: (env, vals) => {
    const counting = 'inventory_quantity' in vals || 'inventory_quantity_auto_apply' in vals;
    if (env.context.inventory_mode !== true || !counting) return vals;
    if (Object.keys(vals).some((key) => !INVENTORY_FIELDS.has(key))) {
      throw userError("Quant's creation is restricted, you can't do this operation.");
    }
    const [product, location] = [Number(vals.product_id), Number(vals.location_id)];
    if (!env.db.get('product.product', product)) throw missingError('product.product', [product], env.uid);
    if (!env.db.get('stock.location', location)) throw missingError('stock.location', [location], env.uid);
    const quant = quantFor(env, product, location);
    const auto = 'inventory_quantity_auto_apply' in vals;
    const counted = Number(auto ? vals.inventory_quantity_auto_apply : vals.inventory_quantity);
    Object.assign(quant, {
      inventory_quantity: counted,
      inventory_quantity_set: true,
      write_date: env.now(),
    });
    if (auto) applyInventory(env, quant);
    return quant.id;
  },
  methods: {
    action_apply_inventory: {
      params: [],
      run: (env, ids) => {
        for (const id of ids) {
          const quant = env.db.get('stock.quant', id);
          if (quant) applyInventory(env, quant);
        }
        return null;
      },
    },
  },
};

export const stockChangeProductQty: ModelDef = {
  name: 'stock.change.product.qty',
  description: 'Change Product Quantity',
  order: 'id',
  fields: {
    ...baseFields(),
    product_id: m2o('product.product', 'Product', { required: true }),
    product_tmpl_id: m2o('product.template', 'Template'),
    new_quantity: float('New Quantity on Hand'),
  },
  methods: {
    change_product_qty: {
      params: [],
      run: (env, ids) => {
        for (const id of ids) {
          const wizard = env.db.get('stock.change.product.qty', id);
          if (!wizard) continue;
          const quant = quantFor(env, Number(wizard.product_id), LOCATION.stock);
          quant.inventory_quantity = Number(wizard.new_quantity);
          applyInventory(env, quant);
        }
        return { type: 'ir.actions.act_window_close' };
      },
    },
  },
};
