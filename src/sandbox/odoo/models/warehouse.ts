import { baseFields, boolean, char, m2o, selection, type ModelDef } from './types.ts';

export const stockLocation: ModelDef = {
  name: 'stock.location',
  description: 'Inventory Locations',
  order: 'complete_name, id',
  displayName: (rec) => String(rec.complete_name ?? rec.name),
  fields: {
    ...baseFields(),
    name: char('Location Name', { required: true }),
    complete_name: char('Full Location Name'),
    location_id: m2o('stock.location', 'Parent Location'),
    usage: selection('Location Type', [
      ['supplier', 'Vendor Location'],
      ['view', 'View'],
      ['internal', 'Internal Location'],
      ['customer', 'Customer Location'],
      ['inventory', 'Inventory Loss'],
      ['production', 'Production'],
      ['transit', 'Transit Location'],
    ]),
    active: boolean('Active', { default: () => true }),
  },
};

export const stockWarehouse: ModelDef = {
  name: 'stock.warehouse',
  description: 'Warehouse',
  order: 'sequence, id',
  fields: {
    ...baseFields(),
    name: char('Warehouse'),
    code: char('Short Name'),
    lot_stock_id: m2o('stock.location', 'Location Stock'),
    out_type_id: m2o('stock.picking.type', 'Out Type'),
    delivery_steps: selection('Outgoing Shipments', [
      ['ship_only', 'Deliver goods directly (1 step)'],
      ['pick_ship', 'Send goods in output and then deliver (2 steps)'],
      ['pick_pack_ship', 'Pack goods, send goods in output and then deliver (3 steps)'],
    ]),
    active: boolean('Active', { default: () => true }),
  },
};

export const stockPickingType: ModelDef = {
  name: 'stock.picking.type',
  description: 'Picking Type',
  order: 'sequence, id',
  displayName: (rec) => `My Company: ${String(rec.name)}`,
  fields: {
    ...baseFields(),
    name: char('Operation Type'),
    code: selection('Type of Operation', [
      ['incoming', 'Receipt'],
      ['outgoing', 'Delivery'],
      ['internal', 'Internal Transfer'],
    ]),
    warehouse_id: m2o('stock.warehouse', 'Warehouse'),
    active: boolean('Active', { default: () => true }),
  },
};

export const deliveryCarrier: ModelDef = {
  name: 'delivery.carrier',
  description: 'Shipping Methods',
  order: 'sequence, id',
  fields: {
    ...baseFields(),
    name: char('Delivery Method', { required: true }),
    delivery_type: selection(
      'Provider',
      [
        ['base_on_rule', 'Based on Rules'],
        ['fixed', 'Fixed Price'],
      ],
      { default: () => 'fixed' },
    ),
    product_id: m2o('product.product', 'Delivery Product'),
    active: boolean('Active', { default: () => true }),
  },
};
