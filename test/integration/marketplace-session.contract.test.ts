import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openKauflandSession } from '../../src/connectors/kaufland/kaufland.session.ts';
import type { DesiredOffer, OfferChange } from '../../src/core/offer.ts';
import type { CallRecord } from '../../src/core/ports/marketplace.port.ts';
import { startKauflandSandbox, type KauflandSandbox } from '../../src/sandbox/kaufland/index.ts';

/**
 * The `MarketplaceSession` port, implemented by the Kaufland connector, against the Kaufland sandbox over real
 * HTTP: signatures, the 111/s limit, the spec's shapes and the order-unit life cycle are the sandbox's.
 */
const FAST_RETRY = { retries: 8, minDelayMs: 2, maxDelayMs: 20 };
const HOUR = 3_600_000;

let sandbox: KauflandSandbox;
beforeAll(async () => {
  sandbox = await startKauflandSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(() => {
  sandbox.setFaults({ rate: 0 });
});

function seller(storefronts: ('de' | 'cz')[] = ['de']) {
  const keys = sandbox.addSeller({ storefronts });
  const calls: CallRecord[] = [];
  const session = openKauflandSession(
    { baseUrl: sandbox.baseUrl, clientId: keys.client_key, clientSecret: keys.secret_key },
    { retry: FAST_RETRY, onCall: (call) => calls.push(call) },
  );
  return { keys, session, calls };
}

function desired(sku: string, overrides: Partial<DesiredOffer> = {}): DesiredOffer {
  // Distinct valid EANs: the sandbox makes each new EAN a catalogue product.
  const ean = `400${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  return { sku, ean, amount: 10, priceMinor: 1999, handlingTimeDays: 1, shippingGroupId: null, ...overrides };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const unitsOf = (clientKey: string) => sandbox.state().units.filter((unit) => unit.client_key === clientKey);
const orderUnitOf = (lineId: string) =>
  sandbox.state().order_units.find((unit) => String(unit.id_order_unit) === lineId);

describe('MarketplaceSession (Kaufland) ⇄ Kaufland sandbox', () => {
  it('creates offers, lists them and finds one by SKU', async () => {
    const { session } = seller();
    expect(session.offerBatchSize).toBe(150);
    const created = await session.createOffer('de', desired('SKU-A', { amount: 7, priceMinor: 2499 }));
    expect(created).toMatchObject({
      sku: 'SKU-A',
      channel: 'de',
      amount: 7,
      priceMinor: 2499,
      handlingTimeDays: 1,
      status: 'available',
    });
    await session.createOffer('de', desired('SKU-B'));

    const listed = await collect(session.listOffers('de'));
    expect(listed.map((offer) => offer.sku).sort()).toEqual(['SKU-A', 'SKU-B']);
    expect(await session.findOffer('de', 'SKU-A')).toEqual(created);
    expect(await session.findOffer('de', 'SKU-NONE')).toBeUndefined();
    await expect(session.createOffer('de', desired('SKU-A'))).rejects.toMatchObject({ kind: 'rejected' });
  });

  it('updates 320 offers in 3 bulk calls; a bad change fails only itself', async () => {
    const { keys, session, calls } = seller();
    const offers: { offerId: string; sku: string }[] = [];
    for (let start = 0; start < 319; start += 50) {
      const skus = Array.from({ length: Math.min(50, 319 - start) }, (_, i) => `BULK-${start + i}`);
      const created = await Promise.all(skus.map((sku) => session.createOffer('de', desired(sku))));
      for (const offer of created) offers.push({ offerId: offer!.offerId, sku: offer!.sku });
    }
    const changes: OfferChange[] = [
      ...offers.map((offer, i) => ({ ...offer, amount: i % 100, priceMinor: 1000 + i })),
      { offerId: '999999999', sku: 'GONE', amount: 1 },
    ];
    calls.length = 0;

    const results = await session.updateOffers('de', changes);

    expect(calls.filter((call) => call.endpoint === '/units/bulk')).toHaveLength(3);
    expect(results).toHaveLength(320);
    expect(results.filter((result) => result.ok)).toHaveLength(319);
    expect(results[319]).toMatchObject({ ok: false, sku: 'GONE', code: 'kaufland.not_found' });
    const stored = new Map(unitsOf(keys.client_key).map((unit) => [String(unit.id_unit), unit]));
    for (const change of changes.slice(0, 319)) {
      expect(stored.get(change.offerId)).toMatchObject({
        amount: change.amount,
        listing_price: change.priceMinor,
      });
    }
  });

  it('fails every change of a batch Kaufland refuses as a whole', async () => {
    const { session } = seller(['de']);
    const results = await session.updateOffers('cz', [{ offerId: '1', sku: 'S', amount: 1 }]);
    expect(results).toEqual([
      { offerId: '1', sku: 'S', ok: false, code: 'kaufland.bad_request', message: expect.any(String) },
    ]);
  });

  it('lists order lines to ship since a time, oldest first, with buyer and addresses, in one call', async () => {
    const { keys, session, calls } = seller();
    await session.createOffer('de', desired('SKU-O', { amount: 50 }));
    const now = Date.now();
    const order = (hoursAgo: number, quantity = 1, extra: object = {}) =>
      sandbox.createOrder({
        client_key: keys.client_key,
        storefront: 'de',
        items: [{ id_offer: 'SKU-O', quantity }],
        ts_created_iso: new Date(now - hoursAgo * HOUR).toISOString(),
        ...extra,
      });
    order(24 * 10); // before `createdSince`: not listed
    const first = order(3, 1, {
      buyer: { id_buyer: 4711, email: 'erika@example.com' },
      shipping_address: {
        first_name: 'Erika',
        last_name: 'Mustermann',
        company_name: 'Muster GmbH',
        street: 'Heidestraße',
        house_number: '17a',
        additional_field: 'Hinterhaus',
        postcode: '51147',
        city: 'Köln',
        country: 'de',
      },
    });
    const second = order(2, 2);
    const third = order(1);
    calls.length = 0;

    const lines = await collect(
      session.listOrderLines({
        channel: 'de',
        statuses: ['to_ship'],
        createdSince: new Date(now - 24 * HOUR).toISOString(),
      }),
    );

    expect(calls.map((call) => call.endpoint)).toEqual(['/order-units']);
    expect(lines.map((line) => line.orderId)).toEqual([
      first.id_order,
      second.id_order,
      second.id_order,
      third.id_order,
    ]);
    expect(lines.every((line) => line.status === 'to_ship' && line.sku === 'SKU-O')).toBe(true);
    expect(lines.every((line) => line.buyer !== null && line.billingAddress && line.shippingAddress)).toBe(
      true,
    );
    expect(lines[0]).toMatchObject({
      channel: 'de',
      currency: 'EUR',
      priceMinor: 1999,
      shippingMinor: 0,
      vatPercent: 19,
      buyer: { externalId: '4711', email: 'erika@example.com' },
      shippingAddress: {
        firstName: 'Erika',
        lastName: 'Mustermann',
        company: 'Muster GmbH',
        street: 'Heidestraße',
        houseNumber: '17a',
        extra: 'Hinterhaus',
        postcode: '51147',
        city: 'Köln',
        country: 'DE',
      },
    });
    expect(await session.getOrderLine(lines[3]!.lineId)).toEqual(lines[3]);
  });

  it('confirms a shipment once, refuses the second time, and cancels with a Kaufland reason', async () => {
    const { keys, session } = seller();
    await session.createOffer('de', desired('SKU-S'));
    sandbox.createOrder({
      client_key: keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'SKU-S', quantity: 2 }],
    });
    const [toShip, toCancel] = await collect(
      session.listOrderLines({ channel: 'de', statuses: ['to_ship'] }),
    );
    expect(await session.listCarriers()).toEqual(expect.arrayContaining(['DHL', 'Deutsche Post', 'Other']));

    await session.confirmShipment(toShip!.lineId, {
      carrierCode: 'DHL',
      trackingNumbers: ['00340434', '00340435'],
    });
    expect(orderUnitOf(toShip!.lineId)?.status).toBe('sent');
    expect(sandbox.state().shipments).toContainEqual(
      expect.objectContaining({ carrier_code: 'DHL', tracking_numbers: ['00340434', '00340435'] }),
    );
    expect((await session.getOrderLine(toShip!.lineId)).status).toBe('shipped');
    const shipped = await collect(
      session.listOrderLines({
        channel: 'de',
        statuses: ['shipped'],
        updatedSince: '2000-01-01T00:00:00.000Z',
      }),
    );
    expect(shipped.map((line) => line.lineId)).toEqual([toShip!.lineId]);
    await expect(
      session.confirmShipment(toShip!.lineId, { carrierCode: 'DHL', trackingNumbers: ['00340434'] }),
    ).rejects.toMatchObject({ kind: 'rejected', code: 'kaufland.forbidden', details: { status: 403 } });

    await expect(session.cancelLine(toCancel!.lineId, 'SoldOut')).rejects.toMatchObject({
      kind: 'rejected',
      code: 'kaufland.unknown_cancel_reason',
    });
    await session.cancelLine(toCancel!.lineId, 'NoInventory');
    expect(orderUnitOf(toCancel!.lineId)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'NoInventory',
    });
    expect((await session.getOrderLine(toCancel!.lineId)).status).toBe('cancelled');
  });

  it('fails with config auth_failed once the seller regenerates the keys', async () => {
    const { keys, session } = seller();
    await session.createOffer('de', desired('SKU-K'));
    sandbox.rotateKeys(keys.client_key);
    await expect(session.findOffer('de', 'SKU-K')).rejects.toMatchObject({
      kind: 'config',
      code: 'kaufland.auth_failed',
    });
    await expect(
      collect(session.listOrderLines({ channel: 'de', statuses: ['to_ship'] })),
    ).rejects.toMatchObject({ kind: 'config', code: 'kaufland.auth_failed' });
  });

  it('completes listings through injected 429s and 500s by retrying', async () => {
    const { keys, session, calls } = seller();
    await session.createOffer('de', desired('SKU-F', { amount: 500 }));
    for (const quantity of [100, 100, 30]) {
      sandbox.createOrder({
        client_key: keys.client_key,
        storefront: 'de',
        items: [{ id_offer: 'SKU-F', quantity }],
      });
    }
    sandbox.setFaults({ rate: 0.3, kinds: ['429', '500'] });
    calls.length = 0;
    // 10 listings of 3 pages: at a 30 % fault rate the chance of seeing no fault at all is 0.7^30 ≈ 0.002 %.
    for (let round = 0; round < 10; round++) {
      const lines = await collect(session.listOrderLines({ channel: 'de', statuses: ['to_ship'] }));
      expect(new Set(lines.map((line) => line.lineId)).size).toBe(230);
    }
    expect(calls.some((call) => call.status === 429 || call.status === 500)).toBe(true);
  });
});
