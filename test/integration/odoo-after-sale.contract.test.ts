import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import type {
  ErpCustomerRef,
  ErpDocument,
  ErpDocumentPdf,
  ErpPage,
  ErpSaleOrder,
  ErpSession,
} from '../../src/core/ports/erp.port.ts';
import {
  connectOdoo,
  createProducts,
  odooConnector,
  setStock,
  validatePicking,
  type OdooClient,
} from '../../src/connectors/odoo/index.ts';
import { forEachOdoo, type OdooTarget } from '../helpers/real-odoo.ts';

/**
 * The after-sale contract (issue 11): invoices and their PDFs, return receipts, credit notes — through the ERP
 * port, against the sandbox (17 JSON-RPC, 19 JSON-2) and the real Odoo 17 / 19 when ODOO_TEST_* / ODOO19_TEST_*
 * are set. A real database keeps every run's records: each run makes its own products, buyer and references.
 */
type Target = OdooTarget;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Every page from the start; `pick` says which items the test wants. */
async function readAll<T>(
  read: (cursor: string | null) => Promise<ErpPage<T>>,
  pick: (item: T) => boolean,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 500; pages += 1) {
    const page: ErpPage<T> = await read(cursor);
    out.push(...page.items.filter(pick));
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
  throw new Error('too many pages');
}

function contract(name: string, open: () => Promise<Target>): void {
  describe(`Odoo after-sale contract: ${name}`, () => {
    let target: Target;
    let client: OdooClient;
    let session: ErpSession;
    const tag = randomBytes(4).toString('hex').toUpperCase();
    const sku = (n: number) => `AS-${tag}-${n}`;
    const PRICE = [0, 11900, 5950, 2380];
    let customer: ErpCustomerRef;
    let productIds: number[];

    const book = async (suffix: string, lines: [number, number][]): Promise<ErpSaleOrder> => {
      const [outcome] = await session.createSaleOrders([
        {
          externalRef: `AS-${tag}-${suffix}`,
          customer,
          currency: 'EUR',
          marketplace: `After sale ${tag}`,
          lines: lines.map(([n, quantity]) => ({ sku: sku(n), quantity, unitPrice: PRICE[n]! })),
        },
      ]);
      if (!outcome?.ok) throw outcome?.error ?? new Error('no outcome');
      return outcome.value.order;
    };
    const ship = async (order: ErpSaleOrder) => {
      const ids = await client.search('stock.picking', [
        ['sale_id', '=', Number(order.id)],
        ['picking_type_code', '=', 'outgoing'],
        ['state', 'not in', ['done', 'cancel']],
      ]);
      for (const id of ids) await validatePicking(client, id);
    };
    const onHand = async (n: number) => (await session.findProductsBySku([sku(n)]))[0]?.onHand ?? NaN;
    const shippedAndInvoiced = async (suffix: string, lines: [number, number][]) => {
      const order = await book(suffix, lines);
      await ship(order);
      return { order, invoice: await session.invoiceSaleOrder(order.id) };
    };
    const credit = (order: ErpSaleOrder, ref: string, extra: object = {}) =>
      session.createCreditNote(order.id, {
        ref: `${tag}:${ref}`,
        reason: `Refund ${ref}`,
        currency: 'EUR',
        post: true,
        ...extra,
      });

    beforeAll(async () => {
      target = await open();
      client = await connectOdoo(target.settings);
      session = odooConnector.open(target.settings);
      productIds = await createProducts(
        client,
        [1, 2, 3].map((n) => ({ sku: sku(n), name: `After sale ${tag} ${n}`, price: PRICE[n]! })),
      );
      await setStock(
        client,
        productIds.map((productId) => ({ productId, quantity: 20 })),
      );
      // Product 3 is invoiced on delivered quantities, as the recording's product was; 1 and 2 keep the default.
      await client.write('product.product', [productIds[2]!], { invoice_policy: 'delivery' });
      const address = {
        name: `Buyer ${tag}`,
        street: 'Hauptstr. 1',
        zip: '10115',
        city: 'Berlin',
        countryCode: 'DE',
      };
      const [found] = await session.findOrCreateCustomers([
        { externalId: `after-sale:${tag}`, email: null, invoiceAddress: address, shippingAddress: address },
      ]);
      if (!found?.ok) throw new Error('no customer');
      customer = found.value;
    }, 60_000);
    afterAll(async () => target?.close());

    it('invoices a delivered order once, posted, and lists it with the order and among changed documents', async () => {
      const order = await book('INV', [
        [1, 2],
        [2, 1],
      ]);
      await ship(order);
      expect(await session.saleOrderDocuments([order.id])).toEqual([]);
      const invoice = await session.invoiceSaleOrder(order.id);
      expect(invoice).toMatchObject({
        saleOrderId: order.id,
        kind: 'invoice',
        posted: true,
        totalMinor: 2 * 11900 + 5950,
        currency: 'EUR',
        ref: null,
      });
      expect(invoice.number).not.toBe('/');
      expect(invoice.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await session.invoiceSaleOrder(order.id)).toEqual(invoice);
      expect(await session.saleOrderDocuments([order.id])).toEqual([invoice]);
      const changed = await readAll(
        (cursor) => session.documentsChangedSince(cursor, 50),
        (d) => d.saleOrderId === order.id,
      );
      expect(changed.map((d) => d.id)).toContain(invoice.id);
    });

    it("gives the invoice's PDF: stored once rendered, else refused with the next step", async () => {
      const { invoice } = await shippedAndInvoiced('PDF', [[1, 1]]);
      let first: ErpDocumentPdf;
      try {
        first = await session.documentPdf(invoice.id);
      } catch (error) {
        // Only a real server without a PDF renderer may answer this (started without --with-pdf).
        if (!(error instanceof AppError) || target.renders) throw error;
        expect([error.kind, error.code]).toEqual(['rejected', 'odoo.pdf_unavailable']);
        expect(error.message).toContain('on the next run');
        return;
      }
      expect(Buffer.from(first.pdf.subarray(0, 4)).toString('latin1')).toBe('%PDF');
      expect(first.fileName).toMatch(/\.pdf$/);
      const again = await session.documentPdf(invoice.id);
      expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    });

    it('says what to do when the server cannot render the PDF (sandbox switched to a server without one)', async (ctx) => {
      const sandbox = target.sandbox;
      if (!sandbox) return ctx.skip();
      const { order, invoice } = await shippedAndInvoiced('NOPDF', [[2, 1]]);
      sandbox.setPdfRenderer(false);
      try {
        const error = await refusal(session.documentPdf(invoice.id));
        expect([error.kind, error.code]).toEqual(['rejected', 'odoo.pdf_unavailable']);
        expect(error.message).toContain('Unable to find Wkhtmltopdf');
        expect(error.message).toContain(invoice.number);
      } finally {
        sandbox.setPdfRenderer(true);
      }
      // Printed once the server can: the warehouse's own "Send & Print" is what the hub then reads.
      expect(Buffer.from((await session.documentPdf(invoice.id)).pdf.subarray(0, 5)).toString()).toBe(
        '%PDF-',
      );
      const draft = await credit(order, 'DRAFT', { amountMinor: 100, post: false });
      const unposted = await refusal(session.documentPdf(draft.id));
      expect([unposted.kind, unposted.code]).toEqual(['rejected', 'odoo.pdf_unavailable']);
    });

    it('has the warehouse receive a prepared return through the control API (sandbox)', async (ctx) => {
      const sandbox = target.sandbox;
      if (!sandbox) return ctx.skip();
      const order = await book('CTRL', [[2, 2]]);
      await ship(order);
      const before = await onHand(2);
      const receipt = await session.prepareReturn(order.id, {
        ref: `${tag}:RC`,
        lines: [{ sku: sku(2), quantity: 1 }],
      });
      const res = await fetch(`${sandbox.url}/_sandbox/receive-return`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_order_ref: `AS-${tag}-CTRL` }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ receipts: [{ id: Number(receipt.id), name: receipt.name }] });
      expect(await onHand(2)).toBe(before + 1);
      const state = sandbox.state();
      expect(state.pickings.find((p) => p.id === Number(receipt.id))).toMatchObject({
        state: 'done',
        returnOf: expect.stringMatching(/^WH\/OUT\//),
      });
      const again = await fetch(`${sandbox.url}/_sandbox/receive-return`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_order_ref: `AS-${tag}-CTRL` }),
      });
      expect(again.status).toBe(409);
    });

    it('refuses what cannot be invoiced or printed, saying why', async () => {
      const undelivered = await book('UNDELIVERED', [[3, 1]]);
      const nothing = await refusal(session.invoiceSaleOrder(undelivered.id));
      expect([nothing.kind, nothing.code]).toEqual(['rejected', 'odoo.nothing_to_invoice']);
      expect(await session.saleOrderDocuments([undelivered.id])).toEqual([]);
      const missing = await refusal(session.documentPdf('999999999'));
      expect([missing.kind, missing.code]).toEqual(['not_found', 'odoo.document_not_found']);
      const noOrder = await refusal(session.invoiceSaleOrder('999999999'));
      expect(noOrder.kind).toBe('not_found');
    });

    it('prepares a return receipt once per reference; validated, it is listed and the stock is back', async () => {
      const order = await book('RET', [
        [1, 3],
        [2, 1],
      ]);
      const early = await refusal(
        session.prepareReturn(order.id, { ref: `${tag}:R0`, lines: [{ sku: sku(1), quantity: 1 }] }),
      );
      expect([early.kind, early.code]).toEqual(['rejected', 'odoo.return_not_possible']);
      await ship(order);
      const before = await onHand(1);
      const input = { ref: `${tag}:R1`, lines: [{ sku: sku(1), quantity: 2 }] };
      const receipt = await session.prepareReturn(order.id, input);
      expect(receipt.name).toMatch(/IN/);
      expect(await session.prepareReturn(order.id, input)).toEqual(receipt);
      const tooMany = await refusal(
        session.prepareReturn(order.id, { ref: `${tag}:R2`, lines: [{ sku: sku(1), quantity: 2 }] }),
      );
      expect([tooMany.kind, tooMany.code]).toEqual(['rejected', 'odoo.return_not_possible']);
      expect(await onHand(1)).toBe(before);
      const notYet = await readAll(
        (cursor) => session.returnReceiptsDoneSince(cursor, 50),
        (r) => r.saleOrderId === order.id,
      );
      expect(notYet).toEqual([]);
      await validatePicking(client, Number(receipt.id));
      const done = await readAll(
        (cursor) => session.returnReceiptsDoneSince(cursor, 50),
        (r) => r.saleOrderId === order.id,
      );
      expect(done).toEqual([
        {
          receiptId: receipt.id,
          name: receipt.name,
          saleOrderId: order.id,
          ref: input.ref,
          lines: [{ sku: sku(1), quantity: 2 }],
          doneAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        },
      ]);
      expect(await onHand(1)).toBe(before + 2);
      // The last unit of the line can still come back.
      const last = await session.prepareReturn(order.id, {
        ref: `${tag}:R3`,
        lines: [{ sku: sku(1), quantity: 1 }],
      });
      expect(last.id).not.toBe(receipt.id);
    });

    // Odoo's return wizard used by hand (or by a run cut off before it tagged the receipt): no hub reference.
    const returnByHand = async (order: ErpSaleOrder, quantity = 1) => {
      const [delivery] = await client.search('stock.picking', [
        ['sale_id', '=', Number(order.id)],
        ['picking_type_code', '=', 'outgoing'],
      ]);
      const context = { active_model: 'stock.picking', active_id: delivery, active_ids: [delivery] };
      const wizard = await client.create('stock.return.picking', {}, context);
      const [read] = await client.read('stock.return.picking', [wizard], ['product_return_moves']);
      const lineIds = (read?.product_return_moves as number[] | undefined) ?? [];
      await client.write(
        'stock.return.picking',
        [wizard],
        { product_return_moves: lineIds.map((id) => [1, id, { quantity }]) },
        context,
      );
      const made = (await client.call('stock.return.picking', client.dialect.createReturnsMethod, [wizard], {
        context,
      })) as { res_id: number };
      return { delivery: delivery!, receipt: made.res_id };
    };

    it('finishes what an interrupted run left: an untagged return receipt, a credit note still a full draft', async () => {
      const { order, invoice } = await shippedAndInvoiced('CUT', [[1, 3]]);
      const untagged = await returnByHand(order);
      const receipt = await session.prepareReturn(order.id, {
        ref: `${tag}:RX`,
        lines: [{ sku: sku(1), quantity: 1 }],
      });
      expect(receipt.id).toBe(String(untagged.receipt));
      // A run cut off after the reversal wizard, before the draft was cut to one unit and posted.
      const reversalContext = { active_model: 'account.move', active_ids: [Number(invoice.id)] };
      const [journal] = await client.read('account.move', [Number(invoice.id)], ['journal_id']);
      const reversal = await client.create(
        'account.move.reversal',
        { reason: `Refund CX [${tag}:CX]`, journal_id: (journal?.journal_id as [number, string])[0] },
        reversalContext,
      );
      const draft = (await client.call('account.move.reversal', 'refund_moves', [reversal], {
        context: reversalContext,
      })) as { res_id: number };
      const note = await credit(order, 'CX', { lines: [{ sku: sku(1), quantity: 1 }] });
      expect(note).toMatchObject({
        id: String(draft.res_id),
        posted: true,
        totalMinor: 11900,
        ref: `${tag}:CX`,
      });
    });

    it("adopts the untagged receipt of a cut-off run for the order's only unit, open or already validated by the warehouse", async () => {
      const receiptsOf = (delivery: number) =>
        client.search('stock.picking', [
          ['return_id', '=', delivery],
          ['state', '!=', 'cancel'],
        ]);

      const open = await book('ORPHAN', [[1, 1]]);
      await ship(open);
      const openCut = await returnByHand(open);
      const adoptedOpen = await session.prepareReturn(open.id, {
        ref: `${tag}:RO`,
        lines: [{ sku: sku(1), quantity: 1 }],
      });
      expect(adoptedOpen.id).toBe(String(openCut.receipt));
      expect(await receiptsOf(openCut.delivery)).toEqual([openCut.receipt]);

      // The warehouse validated it before the retry tagged it: still this return's receipt, not "nothing left".
      const done = await book('ORPHANDONE', [[2, 1]]);
      await ship(done);
      const doneCut = await returnByHand(done);
      await validatePicking(client, doneCut.receipt);
      const input = { ref: `${tag}:RD`, lines: [{ sku: sku(2), quantity: 1 }] };
      const adoptedDone = await session.prepareReturn(done.id, input);
      expect(adoptedDone.id).toBe(String(doneCut.receipt));
      expect(await session.prepareReturn(done.id, input)).toEqual(adoptedDone);
      expect(await receiptsOf(doneCut.delivery)).toEqual([doneCut.receipt]);
      const listed = await readAll(
        (cursor) => session.returnReceiptsDoneSince(cursor, 50),
        (r) => r.saleOrderId === done.id,
      );
      expect(listed).toMatchObject([
        { receiptId: String(doneCut.receipt), ref: input.ref, lines: [{ sku: sku(2), quantity: 1 }] },
      ]);
    });

    it("lists a return the warehouse made in Odoo on its own, without the hub's reference", async () => {
      const order = await book('OWN', [[2, 2]]);
      await ship(order);
      const made = await returnByHand(order, 2);
      await validatePicking(client, made.receipt);
      const listed = await readAll(
        (cursor) => session.returnReceiptsDoneSince(cursor, 50),
        (r) => r.saleOrderId === order.id,
      );
      expect(listed).toMatchObject([
        { receiptId: String(made.receipt), ref: null, lines: [{ sku: sku(2), quantity: 2 }] },
      ]);
      const nothingLeft = await refusal(
        session.prepareReturn(order.id, { ref: `${tag}:R9`, lines: [{ sku: sku(2), quantity: 1 }] }),
      );
      expect(nothingLeft.code).toBe('odoo.return_not_possible');
    });

    it('credits part of an invoice by units, once per reference, and lists it with the order', async () => {
      const { order, invoice } = await shippedAndInvoiced('CNL', [
        [1, 2],
        [2, 2],
      ]);
      const note = await credit(order, 'C1', { lines: [{ sku: sku(1), quantity: 1 }] });
      if (target.sandbox) {
        expect(target.sandbox.state().documents.filter((d) => d.origin === order.name)).toEqual([
          expect.objectContaining({ id: Number(invoice.id), type: 'invoice', state: 'posted', total: 357 }),
          expect.objectContaining({
            id: Number(note.id),
            type: 'credit_note',
            total: 119,
            reversalOf: invoice.number,
          }),
        ]);
      }
      expect(note).toMatchObject({
        saleOrderId: order.id,
        kind: 'credit_note',
        posted: true,
        totalMinor: 11900,
        currency: 'EUR',
        ref: `${tag}:C1`,
      });
      expect(note.id).not.toBe(invoice.id);
      expect(await credit(order, 'C1', { lines: [{ sku: sku(1), quantity: 1 }] })).toEqual(note);
      const documents = await session.saleOrderDocuments([order.id]);
      expect(documents.map((d: ErpDocument) => [d.id, d.kind])).toEqual([
        [invoice.id, 'invoice'],
        [note.id, 'credit_note'],
      ]);
      const changed = await readAll(
        (cursor) => session.documentsChangedSince(cursor, 50),
        (d) => d.saleOrderId === order.id,
      );
      expect(changed.map((d) => d.id).sort()).toEqual([invoice.id, note.id].sort());
      // 2 invoiced, 1 credited: 1 is left.
      const tooMany = await refusal(credit(order, 'C9', { lines: [{ sku: sku(1), quantity: 2 }] }));
      expect([tooMany.kind, tooMany.code]).toEqual(['rejected', 'odoo.credit_note_not_possible']);
      expect(tooMany.message).toContain(`1 of ${sku(1)} not credited yet`);
      const whole = await refusal(credit(order, 'C10'));
      expect(whole.code).toBe('odoo.credit_note_not_possible');
      const rest = await credit(order, 'C11', { lines: [{ sku: sku(1), quantity: 1 }] });
      expect(rest).toMatchObject({ posted: true, totalMinor: 11900 });
    });

    it('credits an amount or the whole invoice, and leaves a draft when asked', async () => {
      const { order, invoice } = await shippedAndInvoiced('CNA', [[1, 2]]);
      const amount = await credit(order, 'C2', { amountMinor: 500 });
      expect(amount).toMatchObject({ kind: 'credit_note', posted: true, totalMinor: 500 });
      // 238.00 invoiced, 5.00 credited: at most 233.00 more.
      const tooMuch = await refusal(credit(order, 'C3', { amountMinor: 2 * 11900 - 500 + 1 }));
      expect(tooMuch.code).toBe('odoo.credit_note_not_possible');
      const wrongCurrency = await refusal(credit(order, 'C4', { amountMinor: 100, currency: 'CZK' }));
      expect(wrongCurrency.code).toBe('odoo.credit_note_not_possible');
      const whole = await shippedAndInvoiced('CNF', [[2, 3]]);
      const full = await credit(whole.order, 'C5', { post: false });
      expect(full).toMatchObject({
        kind: 'credit_note',
        posted: false,
        totalMinor: whole.invoice.totalMinor,
        date: null,
      });
      const posted = await credit(whole.order, 'C5');
      expect(posted).toMatchObject({ id: full.id, posted: true, totalMinor: whole.invoice.totalMinor });
      expect(invoice.totalMinor).toBe(2 * 11900);
    });

    it('credits an order without an invoice by amount or units, and refuses one with neither', async () => {
      const order = await book('CNN', [[1, 2]]);
      await ship(order);
      const neither = await refusal(credit(order, 'C6'));
      expect([neither.kind, neither.code]).toEqual(['rejected', 'odoo.credit_note_not_possible']);
      const amount = await credit(order, 'C7', { amountMinor: 700 });
      expect(amount).toMatchObject({
        saleOrderId: order.id,
        kind: 'credit_note',
        posted: true,
        totalMinor: 700,
      });
      const units = await credit(order, 'C8', { lines: [{ sku: sku(1), quantity: 1 }] });
      expect(units).toMatchObject({ kind: 'credit_note', totalMinor: 11900, ref: `${tag}:C8` });
      expect(await credit(order, 'C7', { amountMinor: 700 })).toEqual(amount);
    });
  });
}

forEachOdoo('Odoo after-sale contract', contract);
