import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * The attention model through the HTTP API: what stops syncing opens an issue that Overview and Issues count and
 * list first, and it clears itself once the cause is gone. Real server, both sandboxes over real HTTP.
 */

let world: SyncWorld;
let api: Awaited<ReturnType<typeof signedInClient>>;
/** The Odoo that comes back after the first one went away (same address). */
let returned: OdooSandbox | undefined;

interface IssueJson {
  code: string;
  accountId: string | null;
  attention: boolean;
  message: string;
}

async function issues(): Promise<IssueJson[]> {
  const response = await api('GET', '/api/issues');
  expect(response.status).toBe(200);
  return response.json.issues as IssueJson[];
}

async function overview(): Promise<{
  openIssues: number;
  attentionIssues: number;
  accounts: { openIssues: number }[];
}> {
  const response = await api('GET', '/api/overview');
  expect(response.status).toBe(200);
  return response.json as never;
}

describe('Attention issues: what stops syncing is counted, shown first and clears itself', () => {
  beforeAll(async () => {
    world = await startSyncWorld({
      products: [{ sku: 'A-1', name: 'Anything', ean: '4006381333931', qty: 5 }],
    });
    api = await signedInClient(world.app);
  });

  afterAll(async () => {
    await world?.app.close();
    await world?.kaufland.close();
    await (returned ?? world?.odoo)?.close();
  });

  it('starts with nothing that needs the seller', async () => {
    expect((await world.run('catalog')).status).toBe('succeeded');
    expect(await overview()).toMatchObject({ attentionIssues: 0 });
    expect((await issues()).filter((i) => i.attention)).toEqual([]);
  });

  it('orders held longer than the set time are an open issue; it clears once they reach the ERP', async () => {
    await world.listOnKaufland([{ sku: 'H-1', ean: '4006381333955' }]);
    const placed = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'H-1', quantity: 1 }],
    });
    await world.run('orders');
    const held = await world.app.ctx.db
      .selectFrom('hub_orders')
      .select(['state'])
      .where('marketplace_order_id', '=', placed.id_order)
      .executeTakeFirstOrThrow();
    expect(held.state).toBe('held');
    expect((await issues()).map((i) => i.code)).not.toContain('orders.held_too_long');

    // Two hours pass (the order was received then).
    await world.app.ctx.db
      .updateTable('hub_orders')
      .set({ received_at: new Date(Date.now() - 2 * 3_600_000) })
      .where('marketplace_order_id', '=', placed.id_order)
      .execute();
    const late = (await issues()).find((i) => i.code === 'orders.held_too_long');
    expect(late).toMatchObject({ accountId: world.account.id, attention: true });
    expect(late!.message).toMatch(/1 order is held back for more than 60 minutes/);

    world.odoo.seed({ products: [{ sku: 'H-1', ean: '4006381333955', qty: 5 }] });
    await world.run('catalog');
    await world.run('orders');
    expect((await issues()).map((i) => i.code)).not.toContain('orders.held_too_long');
  });

  it('the ERP going away opens "ERP unreachable", counted on Overview and listed first', async () => {
    const port = world.odoo.port;
    await world.odoo.close();
    await expect(world.run('catalog')).rejects.toMatchObject({ code: 'odoo.unreachable' });

    const open = await issues();
    expect(open[0]).toMatchObject({ code: 'erp.unreachable', accountId: null, attention: true });
    expect(open[0]!.message).toMatch(/The ERP does not answer/);
    const counts = await overview();
    expect(counts.attentionIssues).toBe(1);
    expect(counts.openIssues).toBeGreaterThanOrEqual(1);
    expect(counts.accounts[0]!.openIssues).toBeGreaterThanOrEqual(1);

    // Odoo is back at the same address: the next run that reaches it clears the issue.
    returned = await startOdooSandbox({ port });
    returned.seed({ products: [{ sku: 'A-1', name: 'Anything', ean: '4006381333931', qty: 5 }] });
    expect((await world.run('catalog')).status).toBe('succeeded');
    expect((await issues()).map((i) => i.code)).not.toContain('erp.unreachable');
    expect((await overview()).attentionIssues).toBe(0);
  });

  it('keys regenerated on Kaufland: "Credentials invalid" is an open issue until new keys are saved', async () => {
    const rotated = world.kaufland.rotateKeys(world.keys.client_key);
    expect((await world.run('orders')).status).toBe('paused');

    const open = await issues();
    expect(open[0]).toMatchObject({
      code: 'account.credentials_invalid',
      accountId: world.account.id,
      attention: true,
    });
    expect((await overview()).attentionIssues).toBe(1);
    // The run is logged with its reason, and the code stays out of the message.
    const runs = await api('GET', `/api/runs?account=${world.account.id}`);
    expect(JSON.stringify(runs.json)).toMatch(/rejected these keys/);

    const saved = await api('PUT', `/api/accounts/${world.account.id}/credentials`, {
      clientId: rotated.client_key,
      clientSecret: rotated.secret_key,
    });
    expect(saved.status).toBe(200);
    expect((await issues()).map((i) => i.code)).not.toContain('account.credentials_invalid');
    expect((await overview()).attentionIssues).toBe(0);
  });

  it('a step failing 3 runs in a row is an open issue; one success clears it', async () => {
    // Kaufland answers garbled bodies: the orders step fails on every run.
    world.kaufland.setFaults({ rate: 1, kinds: ['malformed'] });
    const failOnce = async () => {
      const outcome = await world.run('orders').catch((error: unknown) => error);
      expect(outcome).toMatchObject({ kind: expect.stringMatching(/transient|bug/) });
    };
    await failOnce();
    await failOnce();
    expect((await issues()).map((i) => i.code)).not.toContain('sync.step_failing');
    await failOnce();
    const failing = (await issues()).find((i) => i.code === 'sync.step_failing');
    expect(failing).toMatchObject({ accountId: world.account.id, attention: true });
    expect(failing!.message).toMatch(/the orders step failed 3 times in a row/);

    world.kaufland.setFaults({ rate: 0 });
    expect((await world.run('orders')).status).toBe('succeeded');
    expect((await issues()).map((i) => i.code)).not.toContain('sync.step_failing');
  });

  it('the ERP refusing the login opens "The ERP refuses the connection"; a new key clears it', async () => {
    const odoo = returned ?? world.odoo;
    // What an Odoo admin does: the password AdlerDo signs in with is changed.
    const user = odoo.instance.store.all('res.users').find((u) => u.login === odoo.login)!;
    user.password = 'changed-in-odoo-42';
    await api('POST', '/api/erp/verify', {});
    const refusing = (await issues()).find((i) => i.code === 'erp.refusing');
    expect(refusing).toMatchObject({ accountId: null, attention: true });
    expect((await overview()).attentionIssues).toBe(1);

    const saved = await api('PUT', '/api/erp/credentials', { apiKey: 'changed-in-odoo-42' });
    expect(saved.status).toBe(200);
    expect((await issues()).map((i) => i.code)).not.toContain('erp.refusing');
    expect(world.app.logs()).not.toContain('changed-in-odoo-42');
  });
});
