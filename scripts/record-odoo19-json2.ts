/**
 * Records what a real Odoo 19 answers over JSON-2 to the calls the connector and its tests make, into
 * reference/odoo/recordings/odoo-19.0-json2.json; test/integration/odoo-recording-replay-19.test.ts replays them
 * against the sandbox. Run by hand against a real 19 (never in tests: it writes to that database):
 *
 *   export ODOO_URL=http://127.0.0.1:18071 ODOO_DB=odoo19 ODOO_API_KEY=<its key>   # a fresh German 19.0
 *   npx tsx scripts/record-odoo19-json2.ts
 *
 * (CI's packaged real 19, the one .ci/run starts, prints exactly such a line.)
 *
 * Ids differ between servers, so a request names where it uses an id learned earlier (`refs`: JSON pointer into
 * the body → name) and an entry names the ids it teaches (`binds`: name → JSON pointer into the answer). The
 * API key is stored masked; `ignore` lists answer pointers that legitimately differ (the nightly's build date).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const url = process.env.ODOO_URL;
const database = process.env.ODOO_DB;
const key = process.env.ODOO_API_KEY;
if (!url || !database || !key) {
  console.error('Set ODOO_URL, ODOO_DB and ODOO_API_KEY (the line start-odoo.sh --version 19 prints).');
  process.exit(1);
}

const MASK = '<api key>';
const tag = Date.now().toString(36).toUpperCase();

/** A value learned earlier: replaced by the sandbox's own id when replayed. */
class Ref {
  constructor(readonly name: string) {}
}
const ref = (name: string) => new Ref(name);

interface Entry {
  section?: string;
  label?: string;
  http?: number;
  request?: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: unknown };
  refs?: Record<string, string>;
  binds?: Record<string, string>;
  ignore?: string[];
  contentType?: string;
  response?: unknown;
}

const entries: Entry[] = [];
const known = new Map<string, number>();

/** Replaces every Ref by its value and notes where it was (RFC 6901 pointers). */
function resolve(value: unknown, pointer: string, refs: Record<string, string>): unknown {
  if (value instanceof Ref) {
    const id = known.get(value.name);
    if (id === undefined) throw new Error(`${value.name} is not known yet`);
    refs[pointer] = value.name;
    return id;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolve(v, `${pointer}/${i}`, refs));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        resolve(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, refs),
      ]),
    );
  return value;
}

function at(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, part) => (v as Record<string, unknown> | undefined)?.[part], value);
}

async function record(
  label: string,
  target: { path: string; body?: unknown; method?: 'GET' | 'POST'; key?: string; database?: string },
  extra: { binds?: Record<string, string>; ignore?: string[] } = {},
): Promise<unknown> {
  const refs: Record<string, string> = {};
  const body = target.body === undefined ? undefined : resolve(target.body, '', refs);
  const method = target.method ?? 'POST';
  const headers: Record<string, string> = {};
  if (target.path.startsWith('/json/2/')) {
    headers.authorization = `bearer ${target.key ?? key}`;
    headers['x-odoo-database'] = target.database ?? database!;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const answer = await fetch(`${url}${target.path}`, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await answer.text();
  const contentType = answer.headers.get('content-type') ?? '';
  let response: unknown = text;
  if (contentType.includes('json')) response = JSON.parse(text);
  const entry: Entry = {
    label,
    http: answer.status,
    request: {
      method,
      path: target.path,
      headers: {
        ...headers,
        ...(headers.authorization === `bearer ${key}` && { authorization: `bearer ${MASK}` }),
      },
      ...(body !== undefined && { body }),
    },
    ...(Object.keys(refs).length > 0 && { refs }),
    ...(extra.binds && { binds: extra.binds }),
    ...(extra.ignore && { ignore: extra.ignore }),
    contentType: contentType.split(';')[0],
    response,
  };
  for (const [name, pointer] of Object.entries(extra.binds ?? {})) {
    const id = at(response, pointer);
    if (typeof id !== 'number') throw new Error(`${label}: no id at ${pointer}: ${text.slice(0, 300)}`);
    known.set(name, id);
  }
  entries.push(entry);
  console.log(`${answer.status} ${label}`);
  return response;
}

const section = (name: string) => entries.push({ section: name });
const j2 = (model: string, method: string, body: unknown) => ({ path: `/json/2/${model}/${method}`, body });

section('version and who the key belongs to');
await record(
  'jsonrpc common.version (how the connector detects the version; deprecated on 19 but served)',
  {
    path: '/jsonrpc',
    body: {
      jsonrpc: '2.0',
      method: 'call',
      params: { service: 'common', method: 'version', args: [] },
      id: 1,
    },
  },
  { ignore: ['/result/server_version', '/result/server_version_info/5'] },
);
await record('res.users.context_get', j2('res.users', 'context_get', {}), { ignore: ['/tz'] });
await record(
  'res.users.search login',
  j2('res.users', 'search', { domain: [['login', '=', 'admin']], limit: 1 }),
  {
    binds: { admin: '/0' },
  },
);

section('reference data');
await record(
  'stock.warehouse.search_read',
  j2('stock.warehouse', 'search_read', { domain: [], fields: ['code', 'lot_stock_id'], limit: 1 }),
  { binds: { warehouse: '/0/id', location: '/0/lot_stock_id/0' } },
);
await record(
  'res.country.search_read DE',
  j2('res.country', 'search_read', { domain: [['code', '=', 'DE']], fields: ['code'] }),
  {
    binds: { country: '/0/id' },
  },
);

section('products: create takes a list and answers a list');
const product = (n: number) => ({
  name: `Recorded ${tag} ${n}`,
  default_code: `REC-${tag}-${n}`,
  list_price: 10 + n,
  type: 'consu',
  is_storable: true,
  // No tax: the amounts then do not depend on the database's chart of accounts.
  taxes_id: [[6, 0, []]],
});
await record(
  'product.product.create two',
  j2('product.product', 'create', { vals_list: [product(1), product(2)] }),
  {
    binds: { product1: '/0', product2: '/1' },
  },
);
await record(
  'product.product.create one dict in the list',
  j2('product.product', 'create', { vals_list: [product(3)] }),
  {
    binds: { product3: '/0' },
  },
);
const productFields = ['name', 'default_code', 'list_price', 'type', 'is_storable', 'active'];
await record(
  'product.product.read',
  j2('product.product', 'read', { ids: [ref('product1'), ref('product2')], fields: productFields }),
);
await record(
  'product.product.search_read default_code in (active_test false)',
  j2('product.product', 'search_read', {
    domain: [['default_code', 'in', [`REC-${tag}-1`, `REC-${tag}-3`]]],
    fields: ['default_code', 'is_storable'],
    order: 'id',
    context: { active_test: false },
  }),
);
await record(
  'product.product.search_count',
  j2('product.product', 'search_count', { domain: [['default_code', '=like', `REC-${tag}-%`]] }),
);
await record(
  'product.product.write active false',
  j2('product.product', 'write', { ids: [ref('product3')], vals: { active: false } }),
);
await record(
  'product.product.read archived',
  j2('product.product', 'read', { ids: [ref('product3')], fields: ['active'] }),
);

section('stock: quants in inventory mode');
await record(
  'stock.quant.create inventory_quantity (inventory_mode)',
  j2('stock.quant', 'create', {
    vals_list: [
      { product_id: ref('product1'), location_id: ref('location'), inventory_quantity: 10 },
      { product_id: ref('product2'), location_id: ref('location'), inventory_quantity: 5 },
    ],
    context: { inventory_mode: true },
  }),
  { binds: { quant1: '/0', quant2: '/1' } },
);
await record(
  'stock.quant.action_apply_inventory',
  j2('stock.quant', 'action_apply_inventory', {
    ids: [ref('quant1'), ref('quant2')],
    context: { inventory_mode: true },
  }),
);
await record(
  'product.product.read stock',
  j2('product.product', 'read', {
    ids: [ref('product1'), ref('product2')],
    fields: ['qty_available', 'free_qty', 'virtual_available'],
  }),
);

section('customer and sale order');
await record(
  'res.partner.create',
  j2('res.partner', 'create', {
    vals_list: [
      {
        name: `Buyer ${tag}`,
        email: `buyer-${tag.toLowerCase()}@example.com`,
        street: 'Hauptstr. 1',
        zip: '10115',
        city: 'Berlin',
        country_id: ref('country'),
      },
    ],
  }),
  { binds: { partner: '/0' } },
);
const order = (ref_: string, qty: number) => ({
  partner_id: ref('partner'),
  client_order_ref: `${ref_}-${tag}`,
  order_line: [
    [0, 0, { product_id: ref('product1'), product_uom_qty: qty, price_unit: 10, tax_ids: [[6, 0, []]] }],
  ],
});
await record('sale.order.create', j2('sale.order', 'create', { vals_list: [order('REC-A', 3)] }), {
  binds: { order: '/0' },
});
await record(
  'sale.order.read',
  j2('sale.order', 'read', {
    ids: [ref('order')],
    fields: ['state', 'client_order_ref', 'amount_untaxed', 'amount_tax', 'amount_total', 'delivery_status'],
  }),
);
await record(
  'sale.order.line.search_read (tax_ids on 19)',
  j2('sale.order.line', 'search_read', {
    domain: [['order_id', '=', ref('order')]],
    fields: ['product_id', 'product_uom_qty', 'price_unit', 'price_subtotal', 'tax_ids'],
  }),
);
await record('sale.order.action_confirm', j2('sale.order', 'action_confirm', { ids: [ref('order')] }));
await record(
  'sale.order.read after confirm',
  j2('sale.order', 'read', { ids: [ref('order')], fields: ['state', 'delivery_status'] }),
);
await record(
  'product.product.read stock after confirm (reserved)',
  j2('product.product', 'read', {
    ids: [ref('product1')],
    fields: ['qty_available', 'free_qty', 'virtual_available'],
  }),
);

section('delivery: partial, backorder wizard');
await record(
  'stock.picking.search_read sale_id',
  j2('stock.picking', 'search_read', {
    domain: [['sale_id', '=', ref('order')]],
    fields: ['state', 'picking_type_code', 'backorder_id'],
  }),
  { binds: { picking: '/0/id' } },
);
await record(
  'stock.move.search_read picking',
  j2('stock.move', 'search_read', {
    domain: [['picking_id', '=', ref('picking')]],
    fields: ['product_id', 'product_uom_qty', 'quantity', 'picked', 'state'],
  }),
  { binds: { move: '/0/id' } },
);
await record(
  'stock.picking.write tracking',
  j2('stock.picking', 'write', { ids: [ref('picking')], vals: { carrier_tracking_ref: `TRACK-${tag}` } }),
);
await record(
  'stock.move.write quantity 1 picked',
  j2('stock.move', 'write', { ids: [ref('move')], vals: { quantity: 1, picked: true } }),
);
await record(
  'stock.picking.button_validate partial → backorder wizard action',
  j2('stock.picking', 'button_validate', { ids: [ref('picking')], context: { skip_sms: true } }),
);
const wizardContext = {
  button_validate_picking_ids: [ref('picking')],
  default_pick_ids: [[4, ref('picking')]],
  skip_sms: true,
};
await record(
  'stock.backorder.confirmation.create (answers a list)',
  j2('stock.backorder.confirmation', 'create', { vals_list: [{}], context: wizardContext }),
  { binds: { wizard: '/0' } },
);
await record(
  'stock.backorder.confirmation.process',
  j2('stock.backorder.confirmation', 'process', { ids: [ref('wizard')], context: wizardContext }),
);
await record(
  'stock.picking.search_read after partial',
  j2('stock.picking', 'search_read', {
    domain: [['sale_id', '=', ref('order')]],
    fields: ['state', 'carrier_tracking_ref'],
    order: 'id',
  }),
);
await record(
  'sale.order.read delivery_status partial',
  j2('sale.order', 'read', { ids: [ref('order')], fields: ['delivery_status'] }),
);

section('cancel: a confirmed order cancels at once on 19');
await record('sale.order.create #2', j2('sale.order', 'create', { vals_list: [order('REC-B', 1)] }), {
  binds: { order2: '/0' },
});
await record('sale.order.action_confirm #2', j2('sale.order', 'action_confirm', { ids: [ref('order2')] }));
await record('sale.order.action_cancel #2', j2('sale.order', 'action_cancel', { ids: [ref('order2')] }));
await record(
  'sale.order.read #2 after cancel',
  j2('sale.order', 'read', { ids: [ref('order2')], fields: ['state'] }),
);

section('errors');
await record('unknown database (X-Odoo-Database)', {
  ...j2('res.users', 'context_get', {}),
  database: 'nosuchdb',
});
await record('wrong API key', { ...j2('res.users', 'context_get', {}), key: 'wrong-key' });
await record('unknown model', j2('no.such.model', 'search', { domain: [] }));
await record('unknown method', j2('res.partner', 'no_such_method', {}));
await record(
  'validation: contact without a name',
  j2('res.partner', 'create', { vals_list: [{ email: 'x@example.com' }] }),
);
await record('bad domain field', j2('res.partner', 'search', { domain: [['no_such_field', '=', 1]] }));
await record('read of a missing record', j2('res.partner', 'read', { ids: [999999999], fields: ['name'] }));

const version = (
  entries.find((e) => e.label?.startsWith('jsonrpc common.version'))?.response as {
    result?: { server_version?: string };
  }
)?.result?.server_version;
const file = path.resolve(import.meta.dirname, '../reference/odoo/recordings/odoo-19.0-json2.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      about:
        'Request/response pairs recorded against a real, unmodified Odoo 19.0 Community server (nightly, German company, SKR03, sale_management + stock + delivery + base_automation; no demo data) over JSON-2 (POST /json/2/<model>/<method>, bearer API key, masked here) by scripts/record-odoo19-json2.ts. refs: where a request uses an id learned earlier; binds: the ids an answer teaches; ignore: answer parts that legitimately differ. Tracebacks in debug differ by nature.',
      server_version: version,
      recorded: new Date().toISOString().slice(0, 10),
      entries,
    },
    null,
    1,
  )}\n`,
);
console.log(`${entries.filter((e) => e.request).length} requests → ${file}`);
