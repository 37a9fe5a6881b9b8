import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStock } from '../../src/connectors/odoo/index.ts';
import { startWorker, type Worker } from '../../src/sync/worker.ts';
import { signedInClient } from '../helpers/app.ts';
import { eventually } from '../helpers/eventually.ts';
import { startPublicProxy, type PublicProxy } from '../helpers/public-proxy.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 13, Odoo push through the real entry points: the seller's consent on the ERP API installs automation
 * rules in the Odoo sandbox over its external API; a stock change in Odoo makes the sandbox post the rule's
 * webhook to the public callback (through a loopback reverse proxy), and the worker runs the stock step for
 * it (trigger push) with no scheduler running. Without base_automation the ERP view says it polls.
 */
const MUG = { sku: 'MUG-1', ean: '4006381333931', name: 'Mug', price: 12.5, qty: 10 };

describe('Odoo push (issue 13)', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let worker: Worker | undefined;

  const rules = () => world.odoo.instance.store.all('base.automation');
  const webhookUrls = () =>
    world.odoo.instance.store.all('ir.actions.server').map((action) => String(action.webhook_url));
  const pushRuns = async (step: string) =>
    (
      await sql<{ status: string }>`SELECT status FROM sync_runs
        WHERE account_id = ${world.account.id} AND step = ${step} AND trigger = 'push'`.execute(
        world.app.ctx.db,
      )
    ).rows;
  const mugAmount = () => world.kaufland.state().units.find((unit) => unit.id_offer === 'MUG-1')?.amount;

  beforeAll(async () => {
    proxy = await startPublicProxy();
    world = await startSyncWorld({
      products: [MUG],
      env: { ADLERDO_PUBLIC_URL: proxy.url },
      settings: { productStockSync: true },
    });
    proxy.forwardTo(world.app.url);
    api = await signedInClient(world.app);
  });
  afterAll(async () => {
    await worker?.stop();
    await world?.close();
    await proxy?.close();
  });

  it('without consent nothing is installed, and the ERP view says what push needs', async () => {
    const view = await api('GET', '/api/erp/push');
    expect(view.status).toBe(200);
    expect(view.json.push).toMatchObject({ consent: false, state: 'off', rules: 0, publicUrlSet: true });
    expect(rules()).toEqual([]);
  });

  it('Odoo without base_automation keeps polling, and the ERP view says so', async () => {
    const view = await api('PUT', '/api/erp/push', { consent: true });
    expect(view.status).toBe(200);
    expect(view.json.push).toMatchObject({ consent: true, state: 'unavailable', rules: 0 });
    expect(view.json.push.message).toMatch(/Automation Rules.*polled/);
    expect(view.json.push.note).toMatchObject({ code: 'odoo.automation_missing', values: {} });
    expect(rules()).toEqual([]);
  });

  it('with base_automation installed, consent installs one rule per kind of change, calling the hub', async () => {
    const odoo = await world.odooClient();
    const [module] = await odoo.searchRead('ir.module.module', {
      domain: [['name', '=', 'base_automation']],
      fields: ['state'],
    });
    await odoo.call('ir.module.module', 'button_immediate_install', [module?.id ?? 0]);
    const view = await api('PUT', '/api/erp/push', { consent: true });
    expect(view.json.push).toMatchObject({ consent: true, state: 'active', rules: 3, message: null });
    expect(rules().map((rule) => rule.name)).toEqual([
      'AdlerDo: stock changed',
      'AdlerDo: delivery done',
      'AdlerDo: sale order cancelled',
    ]);
    const urls = new Set(webhookUrls());
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(new RegExp(`^${proxy.url}/api/push/erp/[A-Za-z0-9_-]{43}$`));
    // Asking again installs nothing twice.
    await api('PUT', '/api/erp/push', { consent: true });
    expect(rules()).toHaveLength(3);
  });

  it('a stock change in Odoo runs the stock step at once, and Kaufland gets the new amount', async () => {
    await world.listOnKaufland([{ sku: 'MUG-1', ean: MUG.ean, price: 1250, amount: 10 }]);
    expect((await world.run('stock')).status).toBe('succeeded');
    expect(mugAmount()).toBe(10);
    worker = await startWorker(world.app.ctx, { concurrency: 2 });
    const odoo = await world.odooClient();
    const [product] = await odoo.searchRead('product.product', {
      domain: [['default_code', '=', 'MUG-1']],
      fields: ['id'],
    });
    await setStock(odoo, [{ productId: product?.id ?? 0, quantity: 3 }]);
    const runs = await eventually(
      () => pushRuns('stock'),
      (rows) => rows.some((row) => row.status === 'succeeded'),
    );
    expect(runs.map((row) => row.status)).toContain('succeeded');
    expect(await eventually(mugAmount, (amount) => amount === 3)).toBe(3);
    const view = await api('GET', '/api/erp/push');
    expect(view.json.push.lastReceivedAt).not.toBeNull();
  });

  it('consent withdrawn: the rules are removed and their old address answers 404', async () => {
    const [url] = webhookUrls();
    const view = await api('PUT', '/api/erp/push', { consent: false });
    expect(view.json.push).toMatchObject({ consent: false, state: 'off', rules: 0 });
    expect(rules()).toEqual([]);
    const late = await fetch(url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"_model":"stock.quant","_id":1}',
    });
    expect(late.status).toBe(404);
  });

  it('removing the ERP connection removes the rules', async () => {
    await api('PUT', '/api/erp/push', { consent: true });
    expect(rules()).toHaveLength(3);
    await worker?.stop();
    worker = undefined;
    expect((await api('DELETE', '/api/erp')).status).toBe(204);
    expect(rules()).toEqual([]);
    expect((await api('GET', '/api/erp/push')).status).toBe(404);
  });
});
