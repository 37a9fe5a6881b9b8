import { seedAutomation } from './models/base-automation.ts';
import type { Rec } from './models/types.ts';
import type { Store } from './store.ts';

type Row = Omit<Rec, 'id'>;

/** A fresh Odoo 17 database (sale_management, stock, delivery; no demo data), ids as the recording shows them. */
export function seedDefaults(db: Store, now: string, password: string, apiKey: string, login: string): void {
  const put = (model: string, rows: Row[]) => {
    for (const row of rows) db.insert(model, { create_date: now, write_date: now, ...row });
  };
  const groups = [
    'User types/Internal User',
    'Administration/Settings',
    'Inventory/User',
    'Inventory/Administrator',
    'Sales/User: Own Documents Only',
    'Sales/Administrator',
    'User types/Portal',
    'User types/Public',
  ];
  put(
    'res.groups',
    groups.map((full_name) => ({ name: full_name.split('/').at(-1), full_name })),
  );
  put('res.partner', [
    { name: 'My Company', is_company: true, active: true, type: 'contact' },
    { name: 'OdooBot', active: false, type: 'contact' },
    { name: 'Administrator', email: 'admin@example.com', active: true, type: 'contact' },
    { name: 'Public user', active: false, type: 'contact' },
    { name: 'Default User Template', active: false, type: 'contact' },
    { name: 'Portal User Template', active: false, type: 'contact' },
  ]);
  // EUR is the company currency (a German company, as recorded); CZK and PLN ship archived.
  put('res.currency', [
    { name: 'EUR', symbol: '€', rounding: 0.01, active: true },
    { name: 'CZK', symbol: 'Kč', rounding: 0.01, active: false },
    { name: 'PLN', symbol: 'zł', rounding: 0.01, active: false },
    { name: 'USD', symbol: '$', rounding: 0.01, active: false },
  ]);
  put('res.company', [{ name: 'My Company', partner_id: 1, currency_id: 1 }]);
  put('res.lang', [{ name: 'English (US)', code: 'en_US', iso_code: 'en', active: true }]);
  put('product.category', [
    { name: 'All', complete_name: 'All' },
    { name: 'Saleable', complete_name: 'All / Saleable', parent_id: 1 },
  ]);
  put('res.users', [
    { name: 'OdooBot', login: '__system__', partner_id: 2, active: false, groups_id: [1, 2] },
    {
      name: 'Administrator',
      login,
      password,
      api_keys: [apiKey],
      partner_id: 3,
      active: true,
      groups_id: [1, 2, 3, 4, 5, 6],
    },
    { name: 'Public user', login: 'public', partner_id: 4, active: false, groups_id: [8] },
    { name: 'Default User Template', login: 'default', partner_id: 5, active: false, groups_id: [1] },
    { name: 'Portal User Template', login: 'portaltemplate', partner_id: 6, active: false, groups_id: [7] },
  ]);
  put(
    'res.country',
    [
      ['Austria', 'AT'],
      ['Czech Republic', 'CZ'],
      ['France', 'FR'],
      ['Germany', 'DE'],
      ['Italy', 'IT'],
      ['Netherlands', 'NL'],
      ['Poland', 'PL'],
      ['Slovakia', 'SK'],
    ].map(([name, code]) => ({ name, code })),
  );
  put(
    'ir.model.data',
    [
      ['base', 'main_company', 'res.company', 1],
      ['base', 'main_partner', 'res.partner', 1],
      ['base', 'user_root', 'res.users', 1],
      ['base', 'user_admin', 'res.users', 2],
      ['base', 'group_user', 'res.groups', 1],
      ['base', 'group_system', 'res.groups', 2],
      ['stock', 'group_stock_user', 'res.groups', 3],
      ['stock', 'group_stock_manager', 'res.groups', 4],
      ['sales_team', 'group_sale_salesman', 'res.groups', 5],
      ['sales_team', 'group_sale_manager', 'res.groups', 6],
      ['stock', 'warehouse0', 'stock.warehouse', 1],
      ['stock', 'stock_location_stock', 'stock.location', 8],
    ].map(([module, name, model, res_id]) => ({ module, name, model, res_id })),
  );
  put('account.tax', [
    {
      name: '15%',
      amount: 15,
      amount_type: 'percent',
      price_include: false,
      type_tax_use: 'sale',
      company_id: 1,
      active: true,
    },
  ]);
  put('product.template', [{ name: 'Standard delivery', default_code: 'Delivery_007' }]);
  put('product.product', [
    {
      name: 'Standard delivery',
      default_code: 'Delivery_007',
      barcode: false,
      list_price: 0,
      standard_price: 0,
      type: 'service',
      detailed_type: 'service',
      is_storable: false,
      sale_ok: false,
      active: true,
      product_tmpl_id: 1,
      // No sales tax on the delivery product, as on the real 17.0 database (read there: taxes_id []), so the
      // shipping line of a sale order adds no tax to what the buyer paid.
      taxes_id: [],
    },
  ]);
  const location = (complete_name: string, usage: string, parent: number | false, active = true) => ({
    name: complete_name.split('/').at(-1),
    complete_name,
    usage,
    location_id: parent,
    active,
  });
  put('stock.location', [
    location('Physical Locations', 'view', false),
    location('Partners', 'view', false),
    location('Virtual Locations', 'view', false),
    location('Partners/Vendors', 'supplier', 2),
    location('Partners/Customers', 'customer', 2),
    location('Physical Locations/Inter-company transit', 'transit', 1, false),
    location('WH', 'view', 1),
    location('WH/Stock', 'internal', 7),
    location('Virtual Locations/Production', 'production', 3),
    location('Virtual Locations/Scrap', 'inventory', 3),
    location('WH/Input', 'internal', 7, false),
    location('WH/Quality Control', 'internal', 7, false),
    location('WH/Output', 'internal', 7, false),
    location('Virtual Locations/Inventory adjustment', 'inventory', 3),
  ]);
  put('stock.picking.type', [
    { name: 'Receipts', code: 'incoming', warehouse_id: 1, active: true },
    { name: 'Delivery Orders', code: 'outgoing', warehouse_id: 1, active: true },
  ]);
  put('stock.warehouse', [
    {
      name: 'My Company',
      code: 'WH',
      lot_stock_id: 8,
      out_type_id: 2,
      delivery_steps: 'ship_only',
      active: true,
    },
  ]);
  // Accounting of a fresh German (SKR03) company, reduced to the sales journal and its income account.
  put('account.account', [{ name: 'Erlöse 19 % USt', code: '8400', account_type: 'income' }]);
  put('account.journal', [
    { name: 'Customer Invoices', code: 'INV', type: 'sale', default_account_id: 1, active: true },
  ]);
  put('delivery.carrier', [
    { name: 'Standard delivery', delivery_type: 'fixed', product_id: 1, active: true },
  ]);
  // Last: the model registry lists every model above (base_automation's rules point into it).
  seedAutomation(db, now);
}
