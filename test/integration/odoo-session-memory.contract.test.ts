import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/core/ports/marketplace.port.ts';
import type { ErpSession } from '../../src/core/ports/erp.port.ts';
import { SessionMemory } from '../../src/core/session-memory.ts';
import {
  connectOdoo,
  createProducts,
  odooConnector,
  type OdooClient,
  type OdooSettingsInput,
} from '../../src/connectors/odoo/index.ts';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';
import { replaceOdooKey } from '../helpers/odoo-sandbox.ts';
import { forEachOdoo } from '../helpers/real-odoo.ts';

/**
 * A worker's sessions share what one connection learnt (src/core/session-memory.ts): the second run signs in no
 * more and reads nothing it read once. Against the sandbox (17 JSON-RPC, 19 JSON-2) and the real Odoo 17/19 when
 * ODOO_TEST_* / ODOO19_TEST_* are set; the sandbox alone also proves that a refused key or a refused order makes
 * the memory forget, so the next run signs in and reads again.
 */
interface Target {
  settings: OdooSettingsInput;
  sandbox?: OdooSandbox;
  close(): Promise<void>;
}

/** A session of the worker's kind: its own call log (one run's record), the shared memory. */
function openRun(settings: OdooSettingsInput, memory: SessionMemory) {
  const calls: string[] = [];
  const onCall = (call: CallRecord) => calls.push(call.endpoint);
  const session: ErpSession = odooConnector.open(settings, { onCall, memory });
  return { session, calls };
}

/** The calls that sign in: the version, then `common.authenticate` (JSON-RPC) or `res.users.context_get` (JSON-2). */
const signIns = (calls: readonly string[]) =>
  calls.filter((c) =>
    ['common.version', 'common.authenticate', 'res.users.context_get', '/web/version'].includes(c),
  );

function contract(name: string, open: () => Promise<Target>): void {
  describe(`Odoo session memory: ${name}`, () => {
    let target: Target;
    let client: OdooClient;
    const tag = randomBytes(4).toString('hex').toUpperCase();
    const sku = `SM-${tag}`;

    beforeAll(async () => {
      target = await open();
      client = await connectOdoo(target.settings);
      await createProducts(client, [
        {
          sku,
          ean: `29${String(parseInt(tag, 16) % 1e10).padStart(10, '0')}7`,
          name: `Memory ${tag}`,
          price: 999,
        },
      ]);
    });
    afterAll(() => target.close());

    it('a second run signs in no more and reads once-per-session records from memory', async () => {
      const memory = new SessionMemory(60_000);
      const first = openRun(target.settings, memory);
      const read = await first.session.currencies(['EUR']);
      expect(signIns(first.calls).length).toBeGreaterThan(0);
      expect(first.calls).toContain('res.company.read');

      const second = openRun(target.settings, memory);
      expect(await second.session.currencies(['EUR'])).toEqual(read);
      // The rates are read again (they change); the sign-in and the company's currency are not.
      expect(second.calls).toEqual(['res.currency.search_read']);
      const [product] = await second.session.findProductsBySku([sku]);
      expect(product?.sku).toBe(sku);

      // Without memory every session starts from nothing, as before.
      const alone = openRun(target.settings, new SessionMemory(60_000));
      await alone.session.currencies(['EUR']);
      expect(signIns(alone.calls).length).toBe(signIns(first.calls).length);
    });

    it('an expired memory signs in again', async () => {
      let now = 0;
      const memory = new SessionMemory(60_000, () => now);
      await openRun(target.settings, memory).session.currencies(['EUR']);
      now = 60_000;
      const later = openRun(target.settings, memory);
      await later.session.currencies(['EUR']);
      expect(signIns(later.calls).length).toBeGreaterThan(0);
      expect(later.calls).toContain('res.company.read');
    });
  });
}

forEachOdoo('Odoo session memory', contract);

describe.each([17, 19] as const)('Odoo session memory: forgetting (sandbox Odoo %i)', (version) => {
  let sandbox: OdooSandbox;
  let settings: OdooSettingsInput;

  beforeAll(async () => {
    // The API key on both (the 17 sandbox takes it wherever the password goes), so replacing it revokes it.
    sandbox = await startOdooSandbox({ version, apiKey: randomBytes(20).toString('hex') });
    settings = { url: sandbox.url, database: sandbox.database, login: sandbox.login, secret: sandbox.apiKey };
  });
  afterAll(() => sandbox.close());

  it('a refused order makes the memory forget: the next run reads again', async () => {
    const memory = new SessionMemory(60_000);
    await openRun(settings, memory).session.currencies(['EUR']);
    const refusing = openRun(settings, memory);
    const [outcome] = await refusing.session.createSaleOrders([
      {
        externalRef: `SM-REFUSED-${version}`,
        customer: { customerId: '1', invoiceAddressId: '1', shippingAddressId: '1' },
        lines: [{ sku: 'SM-NO-SUCH-SKU', quantity: 1, unitPrice: 100 }],
        currency: 'EUR',
        marketplace: 'Memory test',
      },
    ]);
    expect(outcome?.ok).toBe(false);
    expect(signIns(refusing.calls)).toEqual([]);
    const next = openRun(settings, memory);
    await next.session.currencies(['EUR']);
    expect(signIns(next.calls).length).toBeGreaterThan(0);
    expect(next.calls).toContain('res.company.read');
  });

  it('a refused key makes the memory forget: the next run signs in again, and the new key works', async () => {
    const memory = new SessionMemory(60_000);
    await openRun(settings, memory).session.currencies(['EUR']);

    const newKey = replaceOdooKey(sandbox);
    const refused = openRun(settings, memory);
    await expect(refused.session.currencies(['EUR'])).rejects.toMatchObject({ code: 'odoo.auth_failed' });
    expect(signIns(refused.calls)).toEqual([]);

    const again = openRun(settings, memory);
    await expect(again.session.currencies(['EUR'])).rejects.toMatchObject({ code: 'odoo.auth_failed' });
    expect(signIns(again.calls).length).toBeGreaterThan(0);

    const renewed = openRun({ ...settings, secret: newKey }, memory);
    expect((await renewed.session.currencies(['EUR'])).currencies.length).toBeGreaterThan(0);
    expect(signIns(renewed.calls).length).toBeGreaterThan(0);
  });
});
