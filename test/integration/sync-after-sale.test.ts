import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpSession } from '../../src/core/ports/erp.port.ts';
import { signedInClient } from '../helpers/app.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

const PRODUCTS = [
  { sku: 'TEA-1', ean: '4006381333931', name: 'Tea pot', price: 19.99, qty: 50 },
  { sku: 'CUP-2', ean: '4006381333948', name: 'Tea cup', price: 4.5, qty: 80 },
];

/**
 * After the sale against both sandboxes over HTTP: Odoo's invoices uploaded to Kaufland exactly once, returns
 * prepared in Odoo, accepted on Kaufland once booked back, credited in Odoo; the seller's answers and refunds
 * through the HTTP API.
 */
describe('after the sale: invoices, returns and refunds (documents and returns steps, both sandboxes)', () => {
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let erp: ErpSession;
  /** The order whose returned unit was accepted (Kaufland paid it back in full). */
  let returnedUnit: { hubId: string; lineId: string };

  const kauflandInvoices = (idOrder: string) =>
    world.kaufland.state().order_invoices.filter((i) => i.id_order === idOrder);
  const orderUnits = (idOrder: string) =>
    world.kaufland.state().order_units.filter((u) => u.id_order === idOrder);
  const returnUnit = (idReturnUnit: number) =>
    world.kaufland.state().return_units.find((u) => u.id_return_unit === idReturnUnit)!;
  const moves = (saleOrderName: string) =>
    world.odoo.instance.store
      .all('account.move')
      .filter((m) => typeof m.invoice_origin === 'string' && m.invoice_origin.includes(saleOrderName));
  const hubOrder = (idOrder: string) =>
    world.app.ctx.db
      .selectFrom('hub_orders')
      .selectAll()
      .where('marketplace_order_id', '=', idOrder)
      .executeTakeFirstOrThrow();
  const openIssues = (subject: string) =>
    world.app.ctx.db
      .selectFrom('sync_issues')
      .selectAll()
      .where('subject', '=', subject)
      .where('resolved_at', 'is', null)
      .execute();

  /** A Kaufland order imported, shipped in Odoo and confirmed on Kaufland. */
  async function shippedOrder(
    items: { id_offer: string; quantity: number }[],
    options: { deemedSupplier?: boolean } = {},
  ) {
    const order = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items,
      ...(options.deemedSupplier ? { is_marketplace_deemed_supplier: true } : {}),
    });
    expect((await world.run('orders')).status).toBe('succeeded');
    world.odoo.ship({ client_order_ref: order.id_order, carrier: 'Standard delivery', tracking_ref: 'T-1' });
    expect((await world.run('shipments')).status).toBe('succeeded');
    const hub = await hubOrder(order.id_order);
    expect(hub.state).toBe('shipped');
    return { idOrder: order.id_order, saleOrderId: hub.erp_order_id!, saleOrderName: hub.erp_order_name! };
  }

  beforeAll(async () => {
    world = await startSyncWorld({
      products: PRODUCTS,
      settings: { carrierMapping: { 'Standard delivery': 'DHL' } },
    });
    await world.listOnKaufland([
      { sku: 'TEA-1', ean: '4006381333931', price: 1999 },
      { sku: 'CUP-2', ean: '4006381333948', price: 450 },
    ]);
    api = await signedInClient(world.app);
    erp = (await world.app.ctx.erp.openSession())!.session;
  });
  afterAll(() => world?.close());

  it('uploads a posted Odoo invoice to the Kaufland order exactly once, even after a crash before recording it', async () => {
    const order = await shippedOrder([{ id_offer: 'TEA-1', quantity: 1 }]);
    const invoice = await erp.invoiceSaleOrder(order.saleOrderId);
    expect(invoice.posted).toBe(true);

    const first = await world.run('documents');
    expect(first.status).toBe('succeeded');
    const uploaded = kauflandInvoices(order.idOrder);
    expect(uploaded.map((i) => i.original_name)).toEqual([`${invoice.number.replace(/\//g, '-')}.pdf`]);

    expect((await world.run('documents')).status).toBe('succeeded');
    expect(kauflandInvoices(order.idOrder)).toHaveLength(1);

    // The worker died after Kaufland took the file and before the hub wrote it down.
    await world.app.ctx.db
      .updateTable('hub_order_documents')
      .set({ uploaded_at: null, marketplace_document_id: null })
      .where('number', '=', invoice.number)
      .execute();
    const rerun = await world.run('documents');
    expect(rerun.status).toBe('succeeded');
    expect(kauflandInvoices(order.idOrder)).toHaveLength(1);
    const recorded = await world.app.ctx.db
      .selectFrom('hub_order_documents')
      .selectAll()
      .where('number', '=', invoice.number)
      .executeTakeFirstOrThrow();
    expect(recorded.uploaded_at).not.toBeNull();
    expect(recorded.marketplace_document_id).toBe(String(uploaded[0]!.id_invoice));
  });

  it('uploads nothing for an order Kaufland invoices itself (deemed supplier) nor for one without an Odoo invoice', async () => {
    const deemed = await shippedOrder([{ id_offer: 'CUP-2', quantity: 1 }], { deemedSupplier: true });
    await erp.invoiceSaleOrder(deemed.saleOrderId);
    const notInvoiced = await shippedOrder([{ id_offer: 'CUP-2', quantity: 2 }]);

    expect((await world.run('documents')).status).toBe('succeeded');
    expect(kauflandInvoices(deemed.idOrder)).toEqual([]);
    expect(kauflandInvoices(notInvoiced.idOrder)).toEqual([]);
    const skipped = await world.app.ctx.db
      .selectFrom('hub_order_documents as d')
      .innerJoin('hub_orders as o', 'o.id', 'd.order_id')
      .select(['d.skipped_reason', 'd.uploaded_at'])
      .where('o.marketplace_order_id', '=', deemed.idOrder)
      .execute();
    expect(skipped).toEqual([{ skipped_reason: 'deemed_supplier', uploaded_at: null }]);
    const none = await world.app.ctx.db
      .selectFrom('hub_order_documents as d')
      .innerJoin('hub_orders as o', 'o.id', 'd.order_id')
      .select('d.id')
      .where('o.marketplace_order_id', '=', notInvoiced.idOrder)
      .execute();
    expect(none).toEqual([]);
  });

  it('a PDF Kaufland refuses, or one Odoo cannot render, is an issue on the order with the next step, not a failed run', async () => {
    const refused = await shippedOrder([{ id_offer: 'TEA-1', quantity: 1 }]);
    const invoice = await erp.invoiceSaleOrder(refused.saleOrderId);
    // A scanned invoice attached in Odoo, bigger than the 3 MiB Kaufland takes.
    await erp.documentPdf(invoice.id);
    const move = world.odoo.instance.store.get('account.move', Number(invoice.id))!;
    const attachment = world.odoo.instance.store.get('ir.attachment', Number(move.invoice_pdf_report_id))!;
    attachment.datas = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3_300_000, 0x20)]).toString(
      'base64',
    );

    const unrenderable = await shippedOrder([{ id_offer: 'CUP-2', quantity: 1 }]);
    world.odoo.setPdfRenderer(false);
    await erp.invoiceSaleOrder(unrenderable.saleOrderId);
    try {
      const run = await world.run('documents');
      expect(run.status).toBe('succeeded');
      expect(run.counts.failed).toBe(2);
    } finally {
      world.odoo.setPdfRenderer(true);
    }
    expect(kauflandInvoices(refused.idOrder)).toEqual([]);
    expect(kauflandInvoices(unrenderable.idOrder)).toEqual([]);
    const [refusedIssue] = await openIssues(refused.idOrder);
    expect(refusedIssue).toMatchObject({ code: 'order.document_refused' });
    expect(refusedIssue!.message).toContain(invoice.number);
    expect(refusedIssue!.hint).toContain('.pdf');
    const [renderIssue] = await openIssues(unrenderable.idOrder);
    expect(renderIssue).toMatchObject({ code: 'order.document_unavailable' });
    expect(renderIssue!.hint).toMatch(/print it once/);
  });

  it('with invoiceOnShipment, invoices the shipped order in Odoo and uploads that invoice in the same run', async () => {
    await world.app.ctx.accounts.patch(world.account.id, { settings: { invoiceOnShipment: true } });
    try {
      const order = await shippedOrder([{ id_offer: 'CUP-2', quantity: 1 }]);
      expect(moves(order.saleOrderName)).toEqual([]);
      expect((await world.run('documents')).status).toBe('succeeded');
      const invoices = moves(order.saleOrderName).filter((m) => m.move_type === 'out_invoice');
      expect(invoices.map((m) => m.state)).toEqual(['posted']);
      expect(kauflandInvoices(order.idOrder).map((i) => i.original_name)).toEqual([
        `${String(invoices[0]!.name).replace(/\//g, '-')}.pdf`,
      ]);
      await world.run('documents');
      expect(moves(order.saleOrderName).filter((m) => m.move_type === 'out_invoice')).toHaveLength(1);
    } finally {
      await world.app.ctx.accounts.patch(world.account.id, { settings: { invoiceOnShipment: false } });
    }
  });

  it('a return: announced → receipt prepared in Odoo → validated there → accepted on Kaufland → credit note → uploaded', async () => {
    const order = await shippedOrder([{ id_offer: 'TEA-1', quantity: 2 }]);
    const invoice = await erp.invoiceSaleOrder(order.saleOrderId);
    await world.run('documents');
    const [unit] = orderUnits(order.idOrder);
    const started = world.kaufland.startReturn({
      order_units: [{ id_order_unit: unit!.id_order_unit, reason: 'defect', note: 'The lid is cracked.' }],
      tracking_provider: 'DHL',
      tracking_code: 'RET-123',
    } as never);
    const idReturnUnit = started.return_units![0]!.id_return_unit;
    returnedUnit = { hubId: (await hubOrder(order.idOrder)).id, lineId: String(unit!.id_order_unit) };

    expect((await world.run('returns')).status).toBe('succeeded');
    const [line] = await world.app.ctx.db
      .selectFrom('hub_return_lines')
      .selectAll()
      .where('marketplace_order_id', '=', order.idOrder)
      .execute();
    expect(line).toMatchObject({ status: 'announced', reason: 'defect', buyer_note: 'The lid is cracked.' });
    expect(line!.tracking_numbers).toEqual(['RET-123']);
    expect(line!.erp_return_name).toBeTruthy();
    const receipts = () =>
      world.odoo.instance.store
        .all('stock.picking')
        .filter((p) => p.return_id && p.sale_id === Number(order.saleOrderId));
    expect(receipts()).toHaveLength(1);
    // Nothing validated yet: the return waits, neither accepted nor credited.
    expect(returnUnit(idReturnUnit).status).toBe('need_to_be_returned');
    await world.run('returns');
    expect(receipts()).toHaveLength(1);

    world.odoo.receiveReturn({ client_order_ref: order.idOrder });
    expect((await world.run('returns')).status).toBe('succeeded');
    expect(returnUnit(idReturnUnit).status).toBe('return_accepted');
    const credited = moves(order.saleOrderName).filter((m) => m.move_type === 'out_refund');
    expect(credited).toHaveLength(1);
    expect(credited[0]!.state).toBe('posted');
    const after = await world.app.ctx.db
      .selectFrom('hub_return_lines')
      .selectAll()
      .where('id', '=', line!.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'accepted', outcome: 'accept', outcome_source: 'auto' });
    expect(after.erp_credit_note_name).toBe(credited[0]!.name);
    // Recorded for upload by the run that made it, not left to the ERP's listing of changed documents.
    const recorded = await world.app.ctx.db
      .selectFrom('hub_order_documents')
      .select(['kind', 'number', 'uploaded_at'])
      .where('number', '=', String(credited[0]!.name))
      .execute();
    expect(recorded).toEqual([{ kind: 'credit_note', number: credited[0]!.name, uploaded_at: null }]);

    await world.run('returns');
    expect(moves(order.saleOrderName).filter((m) => m.move_type === 'out_refund')).toHaveLength(1);
    await world.run('documents');
    expect(
      kauflandInvoices(order.idOrder)
        .map((i) => i.original_name)
        .sort(),
    ).toEqual([invoice.number, String(credited[0]!.name)].map((n) => `${n.replace(/\//g, '-')}.pdf`).sort());

    const detail = await api('GET', `/api/orders/${(await hubOrder(order.idOrder)).id}/after-sale`);
    expect(detail.status).toBe(200);
    const events = (detail.json.events as { event: string; document: string | null }[]).map((e) => e.event);
    for (const event of [
      'invoice_uploaded',
      'return_announced',
      'return_received',
      'return_accepted',
      'credit_note',
      'credit_note_uploaded',
    ])
      expect(events).toContain(event);
  });

  it('waits for the seller when autoAcceptReturns is off; Reject needs a message to the buyer', async () => {
    await world.app.ctx.accounts.patch(world.account.id, { settings: { autoAcceptReturns: false } });
    try {
      const order = await shippedOrder([{ id_offer: 'CUP-2', quantity: 1 }]);
      const [unit] = orderUnits(order.idOrder);
      const started = world.kaufland.startReturn({
        order_units: [{ id_order_unit: unit!.id_order_unit, reason: 'dislike' }],
      } as never);
      world.kaufland.returnArrives(started.id_return, {
        tracking_provider: 'DHL',
        tracking_code: 'RET-9',
      });
      await world.run('returns');
      world.odoo.receiveReturn({ client_order_ref: order.idOrder });
      await world.run('returns');
      const idReturnUnit = started.return_units![0]!.id_return_unit;
      expect(returnUnit(idReturnUnit).status).toBe('return_arrived');

      const listed = await api('GET', '/api/returns?status=arrived');
      expect(listed.status).toBe(200);
      const row = (
        listed.json.returns as { id: string; marketplaceOrderId: string; answerable: boolean }[]
      ).find((r) => r.marketplaceOrderId === order.idOrder)!;
      expect(row.answerable).toBe(true);

      const bare = await api('POST', `/api/returns/${row.id}/answer`, { outcome: 'reject' });
      expect(bare.status).toBe(400);
      expect(bare.text).toMatch(/message/i);
      const rejected = await api('POST', `/api/returns/${row.id}/answer`, {
        outcome: 'reject',
        message: 'The cup was used and is chipped; we cannot take it back.',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.json.status).toBe('rejected');
      expect(returnUnit(idReturnUnit).status).toBe('return_rejected');
      expect(returnUnit(idReturnUnit).messages.map((m) => m.message)).toEqual([
        'The cup was used and is chipped; we cannot take it back.',
      ]);
      const again = await api('POST', `/api/returns/${row.id}/answer`, { outcome: 'accept' });
      expect(again.status).toBe(409);
      await world.run('returns');
      expect(moves(order.saleOrderName).filter((m) => m.move_type === 'out_refund')).toEqual([]);
    } finally {
      await world.app.ctx.accounts.patch(world.account.id, { settings: { autoAcceptReturns: true } });
    }
  });

  it('a partial refund goes to Kaufland once and becomes an Odoo credit note; more than the unit costs is a clear 400', async () => {
    const order = await shippedOrder([{ id_offer: 'TEA-1', quantity: 1 }]);
    await erp.invoiceSaleOrder(order.saleOrderId);
    const hub = await hubOrder(order.idOrder);
    const [unit] = orderUnits(order.idOrder);
    const lineId = String(unit!.id_order_unit);
    const refunds = () =>
      world.kaufland.state().refunds.filter((r) => r.id_order_unit === unit!.id_order_unit);

    const tooLarge = await api('POST', `/api/orders/${hub.id}/refunds`, {
      lineId,
      amountMinor: 1_000_000,
      reason: 'delivery_damage',
    });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.json.error.message).toMatch(/At most .* can be refunded/);
    const badReason = await api('POST', `/api/orders/${hub.id}/refunds`, {
      lineId,
      amountMinor: 100,
      reason: 'nope',
    });
    expect(badReason.status).toBe(400);
    expect(badReason.json.error.message).toContain('delivery_damage');
    expect(refunds()).toEqual([]);

    // Kaufland refuses a refund on a unit it paid back with its return: nothing paid, so the key stays usable.
    const onReturned = await api('POST', `/api/orders/${returnedUnit.hubId}/refunds`, {
      lineId: returnedUnit.lineId,
      amountMinor: 100,
      reason: 'delivery_damage',
      idempotencyKey: 'refund-key-0001',
    });
    expect(onReturned.status).toBe(422);
    expect(onReturned.json.error.message).toMatch(/returned_paid/);

    const body = { lineId, amountMinor: 500, reason: 'delivery_damage', idempotencyKey: 'refund-key-0001' };
    const sent = await api('POST', `/api/orders/${hub.id}/refunds`, body);
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ amountMinor: 500, currency: 'EUR', repeated: false });
    expect(sent.json.creditNote).toBeTruthy();
    const repeated = await api('POST', `/api/orders/${hub.id}/refunds`, body);
    expect(repeated.status).toBe(200);
    expect(repeated.json.repeated).toBe(true);
    expect(refunds().map((r) => r.amount)).toEqual([500]);
    const notes = moves(order.saleOrderName).filter((m) => m.move_type === 'out_refund');
    expect(notes.map((m) => m.name)).toEqual([sent.json.creditNote]);
    const [note] = (await erp.saleOrderDocuments([order.saleOrderId])).filter(
      (d) => d.kind === 'credit_note',
    );
    expect(note).toMatchObject({ totalMinor: 500, number: sent.json.creditNote, posted: true });
    await world.run('returns');
    expect(moves(order.saleOrderName).filter((m) => m.move_type === 'out_refund')).toHaveLength(1);
  });

  it('a return for an order AdlerDo never imported is stored and shown, with an issue saying so', async () => {
    const foreign = world.kaufland.createOrder({
      client_key: world.keys.client_key,
      storefront: 'de',
      items: [{ id_offer: 'CUP-2', quantity: 1 }],
      status: 'sent',
    } as never);
    const [unit] = orderUnits(foreign.id_order);
    world.kaufland.startReturn({
      order_units: [{ id_order_unit: unit!.id_order_unit, reason: 'wrong_size' }],
    } as never);
    expect((await world.run('returns')).status).toBe('succeeded');
    const listed = await api('GET', '/api/returns');
    const row = (listed.json.returns as { marketplaceOrderId: string; orderId: string | null }[]).find(
      (r) => r.marketplaceOrderId === foreign.id_order,
    );
    expect(row).toMatchObject({ orderId: null });
    const [issue] = await openIssues(foreign.id_order);
    expect(issue).toMatchObject({ code: 'order.return_unknown_order' });
    expect(issue!.message).toContain('never imported');
  });
});
