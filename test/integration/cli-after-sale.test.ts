import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/** `adlerdo returns …` and `adlerdo refund …` in a separate process, on the same database as a running hub. */
describe('adlerdo returns list|accept|reject|clarify|repair and adlerdo refund', () => {
  let world: SyncWorld;
  let env: Record<string, string>;
  let idOrder: string;
  let units: number[];
  const cli = (args: string[]) => runCli(args, env);
  const returnUnits = () =>
    world.kaufland.state().return_units.filter((u) => units.includes(u.id_order_unit));

  beforeAll(async () => {
    const masterKey = randomBytes(32).toString('base64');
    world = await startSyncWorld({
      products: [{ sku: 'MUG-1', ean: '4006381333931', name: 'Mug', price: 9.99, qty: 20 }],
      settings: { carrierMapping: { 'Standard delivery': 'DHL' }, autoAcceptReturns: false },
      env: { ADLERDO_MASTER_KEY: masterKey },
    });
    env = {
      DATABASE_URL: (world.app.ctx.pool.options as { connectionString: string }).connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-after-sale-')),
      ADLERDO_MASTER_KEY: masterKey,
    };
    await world.listOnKaufland([{ sku: 'MUG-1', ean: '4006381333931', price: 999 }]);
    const order = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'MUG-1', quantity: 3 }],
    });
    idOrder = order.id_order;
    await world.run('orders');
    world.odoo.ship({ client_order_ref: idOrder, carrier: 'Standard delivery', tracking_ref: 'T-7' });
    await world.run('shipments');
    units = world.kaufland
      .state()
      .order_units.filter((u) => u.id_order === idOrder)
      .map((u) => u.id_order_unit);
    const started = world.kaufland.startReturn({
      order_units: units.map((id) => ({
        id_order_unit: id,
        reason: 'defect' as const,
        note: 'Handle broke off',
      })),
    });
    world.kaufland.returnArrives(started.id_return, { tracking_provider: 'DHL', tracking_code: 'RET-77' });
    expect((await world.run('returns')).status).toBe('succeeded');
  });
  afterAll(() => world?.close());

  const ids = async () => {
    const listed = await cli(['returns', 'list', '--json']);
    expect(listed.code).toBe(0);
    return (JSON.parse(listed.stdout).returns as { id: string; lineId: string }[])
      .sort((a, b) => a.lineId.localeCompare(b.lineId))
      .map((r) => r.id);
  };

  it('lists the return lines with order, reason, status and tracking', async () => {
    const listed = await cli(['returns', 'list']);
    expect(listed.code).toBe(0);
    const rows = listed.stdout.split('\n').filter((l) => l.includes(idOrder));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/MUG-1\s+defect\s+arrived/);
    expect(listed.stdout).toContain('RET-77');
  });

  it('answers each line once: accept, clarify and repair; reject and clarify need a message (exit 2 without)', async () => {
    const [first, second, third] = await ids();
    const noMessage = await cli(['returns', 'reject', first!]);
    expect(noMessage.code).toBe(2);
    expect(noMessage.stderr).toContain('--message');

    const accepted = await cli(['returns', 'accept', first!]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('accepted');
    const clarified = await cli([
      'returns',
      'clarify',
      second!,
      '--message',
      'Please send a photo of the handle.',
    ]);
    expect(clarified.code).toBe(0);
    const repaired = await cli(['returns', 'repair', third!, '--json']);
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.stdout)).toEqual({ status: 'repair', outcome: 'repair' });
    expect(
      returnUnits()
        .map((u) => u.status)
        .sort(),
    ).toEqual(['return_accepted', 'return_in_clarification', 'return_in_repair'].sort());

    const twice = await cli(['returns', 'reject', first!, '--message', 'Changed my mind']);
    expect(twice.code).toBe(4);
    expect(twice.stderr).toContain('accepted already');
    const unknown = await cli(['returns', 'accept', '987654321']);
    expect(unknown.code).toBe(4);
  });

  it('refunds part of a unit once per key, and refuses more than the unit cost with exit 2 and a sentence', async () => {
    const unit = String(units[1]);
    const tooMuch = await cli(['refund', unit, '--amount', '100.00', '--reason', 'defect']);
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.stderr).toMatch(/At most 9\.99 EUR can be refunded/);
    const badReason = await cli(['refund', unit, '--amount', '1.00', '--reason', 'because']);
    expect(badReason.code).toBe(2);

    const args = ['refund', unit, '--amount', '2.50', '--reason', 'defect', '--key', 'cli-refund-0001'];
    const refunded = await cli(args);
    expect(refunded.code).toBe(0);
    expect(refunded.stdout).toMatch(/Refunded 2\.50 EUR on unit \d+; credit note \S+ in the ERP\./);
    const again = await cli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing sent again');
    expect(world.kaufland.state().refunds.filter((r) => String(r.id_order_unit) === unit)).toEqual([
      expect.objectContaining({ amount: 250, reason: 'defect' }),
    ]);
  });

  it('switches the after-sale settings with accounts set', async () => {
    const args = [
      'accounts',
      'set',
      'Test Store',
      '--auto-accept-returns',
      'on',
      '--invoice-on-shipment',
      'on',
    ];
    const set = await cli([...args, '--post-credit-notes', 'off', '--json']);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout).settings).toMatchObject({
      autoAcceptReturns: true,
      invoiceOnShipment: true,
      postCreditNotes: false,
    });
  });
});
