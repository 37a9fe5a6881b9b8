import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { eventually } from '../helpers/eventually.ts';
import { startPublicProxy, type PublicProxy } from '../helpers/public-proxy.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/** A 1×1 PNG, as Odoo keeps pictures: base64 of the file. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

// EANs in the GS1 in-store range (first digit 2): the sandbox's catalogue has no product for them.
const MUG = {
  sku: 'OWN-MUG',
  ean: '2000000000015',
  name: 'Stoneware mug, blue',
  description: 'A blue stoneware mug (Tasse) for coffee and tea, 350 ml.',
  image: PNG,
  category: 'Mugs',
  price: 14.9,
  qty: 8,
};
const CUP = { ...MUG, sku: 'OWN-CUP', ean: '2000000000022', name: 'Espresso cup', qty: 5 };
// No sales description: Kaufland's check refuses it.
const BARE = {
  sku: 'OWN-BARE',
  ean: '2000000000039',
  name: 'Plain mug',
  image: PNG,
  category: 'Mugs',
  price: 9,
  qty: 4,
};
const KNOWN = { sku: 'KNOWN-1', ean: '4006381333931', name: 'Branded mug', price: 12, qty: 3 };

type Api = Awaited<ReturnType<typeof signedInClient>>;

describe('products Kaufland does not know yet', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let api: Api;
  const contentOf = async () => {
    const answer = await api('GET', `/api/accounts/${world.account.id}/product-content`);
    expect(answer.status).toBe(200);
    return new Map(
      (answer.json.products as { sku: string; state: string }[]).map((p) => [
        p.sku,
        p as Record<string, any>,
      ]),
    );
  };
  const catalogue = async () =>
    (await (await fetch(`${world.kaufland.origin}/_sandbox/catalogue`)).json()).data as {
      product_data: { ean: string; attributes: Record<string, string[]>; status: Record<string, unknown> }[];
      waiting_units: { id_offer: string }[];
    };
  const listed = () => new Set(world.kaufland.state().units.map((unit) => unit.id_offer));

  let cliEnv: Record<string, string>;
  const masterKey = randomBytes(32).toString('base64');

  beforeAll(async () => {
    proxy = await startPublicProxy();
    world = await startSyncWorld({
      products: [MUG, CUP, BARE, KNOWN],
      settings: { productStockSync: true },
      env: { ADLERDO_PUBLIC_URL: proxy.url, ADLERDO_MASTER_KEY: masterKey },
    });
    cliEnv = {
      DATABASE_URL: (world.app.ctx.pool.options as { connectionString: string }).connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-products-')),
      ADLERDO_MASTER_KEY: masterKey,
    };
    proxy.forwardTo(world.app.url);
    api = await signedInClient(world.app);
  });
  afterAll(async () => {
    await world?.close();
    await proxy?.close();
  });

  it('a unit for an EAN Kaufland has no product for is accepted but stays invisible', async () => {
    expect((await world.run('catalog')).status).toBe('succeeded');
    expect((await world.run('stock')).status).toBe('succeeded');
    expect(listed()).toEqual(new Set(['KNOWN-1']));
    expect((await catalogue()).waiting_units.map((u) => u.id_offer).sort()).toEqual([
      'OWN-BARE',
      'OWN-CUP',
      'OWN-MUG',
    ]);
    const pending = await world.app.ctx.db
      .selectFrom('offers')
      .select('sku')
      .where('pending_since', 'is not', null)
      .orderBy('sku')
      .execute();
    expect(pending.map((o) => o.sku)).toEqual(['OWN-BARE', 'OWN-CUP', 'OWN-MUG']);
  });

  it('the next catalog run finds the EANs unknown and asks the seller for a category, with Kaufland’s suggestions', async () => {
    const outcome = await world.run('catalog');
    expect(outcome.status).toBe('succeeded');
    expect(outcome.apiCalls['kaufland GET /products/ean/{ean}']).toBe(3);
    const content = await contentOf();
    expect([...content.keys()].sort()).toEqual(['OWN-BARE', 'OWN-CUP', 'OWN-MUG']);
    const mug = content.get('OWN-MUG')!;
    expect(mug).toMatchObject({
      state: 'needs_category',
      ean: MUG.ean,
      name: MUG.name,
      erpCategory: { name: 'All / Mugs' },
    });
    expect(mug.suggestions[0]).toEqual({ id: '22001', name: 'Tassen' });
  });

  it('refuses bad input to the seller’s actions with a clear 4xx', async () => {
    const base = `/api/accounts/${world.account.id}/product-content`;
    const notSuggested = await api('POST', `${base}/${MUG.ean}/category`, { categoryId: '999' });
    expect(notSuggested.status).toBe(400);
    expect(notSuggested.text).toMatch(/not suggested/);
    expect((await api('POST', `${base}/not-an-ean/category`, { categoryId: '22001' })).status).toBe(400);
    expect((await api('POST', `${base}/4006381333948/category`, { categoryId: '22001' })).status).toBe(404);
    expect((await api('POST', `${base}/${MUG.ean}/category`, { categoryId: '' })).status).toBe(400);
    expect((await api('POST', `${base}/${MUG.ean}/category`, { categoryId: '1', extra: 1 })).status).toBe(
      400,
    );
    expect(
      (await api('PUT', `${base}/${MUG.ean}/picture-url`, { url: 'ftp://example.com/x.jpg' })).status,
    ).toBe(400);
    expect((await api('POST', `${base}/${MUG.ean}/resend`, { now: true })).status).toBe(400);
    expect((await api('GET', `${base}?state=sideways`)).status).toBe(400);
    expect((await fetch(`${world.app.url}/api/product-pictures/guess.png`)).status).toBe(400);
    const unknownToken = `${'A'.repeat(43)}.png`;
    expect((await fetch(`${world.app.url}/api/product-pictures/${unknownToken}`)).status).toBe(404);
  });

  it('adlerdo products list shows them and refuses bad input with a clear message', async () => {
    const listed = await runCli(['products', 'list', '--account', 'Test Store', '--json'], cliEnv);
    expect(listed.code).toBe(0);
    const body = JSON.parse(listed.stdout) as {
      products: { sku: string; state: string }[];
      publicUrlSet: boolean;
    };
    expect(body.products.map((p) => [p.sku, p.state]).sort()).toEqual([
      ['OWN-BARE', 'needs_category'],
      ['OWN-CUP', 'needs_category'],
      ['OWN-MUG', 'needs_category'],
    ]);
    const table = await runCli(['products', 'list', '--account', 'Test Store'], cliEnv);
    expect(table.stdout).toMatch(/OWN-MUG .*needs_category .*22001 Tassen/);
    const notSuggested = await runCli(
      ['products', 'category', MUG.ean, '999', '--account', 'Test Store'],
      cliEnv,
    );
    expect(notSuggested.code).not.toBe(0);
    expect(notSuggested.stderr).toMatch(/was not suggested/);
    const badEan = await runCli(['products', 'category', 'x1', '22001', '--account', 'Test Store'], cliEnv);
    expect(badEan.code).not.toBe(0);
    expect(badEan.stderr).toMatch(/8 to 15 digits/);
    const unknown = await runCli(['products', 'resend', '4006381333948', '--account', 'Test Store'], cliEnv);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No product with EAN 4006381333948/);
  });

  it('one confirmed category maps the Odoo category: its other products get it without asking', async () => {
    const base = `/api/accounts/${world.account.id}/product-content`;
    const queue = await world.app.ctx.queue();
    const queuedBefore = await queue.pendingCount();
    const confirmed = await api('POST', `${base}/${MUG.ean}/category`, { categoryId: '22001' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toEqual({ category: { id: '22001', name: 'Tassen' }, alsoFor: 2 });
    // The catalog step is queued at once, so the data goes out within seconds when a worker runs.
    expect(await queue.pendingCount()).toBe(queuedBefore + 1);
    // The plain mug gets a picture URL that is no picture: Kaufland downloads it and refuses it.
    const notAPicture = `${world.kaufland.origin}/_sandbox/faults`;
    expect((await api('PUT', `${base}/${BARE.ean}/picture-url`, { url: notAPicture })).status).toBe(200);
    const content = await contentOf();
    expect([...content.values()].map((p) => [p.sku, p.state, p.category?.id])).toEqual(
      expect.arrayContaining([
        ['OWN-MUG', 'queued', '22001'],
        ['OWN-CUP', 'queued', '22001'],
        ['OWN-BARE', 'queued', '22001'],
      ]),
    );
  });

  it('sends the product data, follows it to live, and a refused product becomes an issue while the others go live', async () => {
    const sent = await world.run('catalog');
    expect(sent.status).toBe('succeeded');
    expect(sent.apiCalls['kaufland PUT /product-data']).toBe(3);
    const mugData = (await catalogue()).product_data.find((p) => p.ean === MUG.ean)!;
    expect(mugData.attributes).toMatchObject({
      title: [MUG.name],
      description: [MUG.description],
      manufacturer: ['My Company'],
      category: ['Tassen'],
    });
    // The picture is served by AdlerDo at its public URL, under an unguessable token.
    const [pictureUrl] = mugData.attributes.picture!;
    expect(pictureUrl).toMatch(new RegExp(`^${proxy.url}/api/product-pictures/[A-Za-z0-9_-]{43}\\.png$`));
    const picture = await fetch(pictureUrl!);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await picture.arrayBuffer()).toString('base64')).toBe(PNG);

    const settled = await eventually(
      async () => {
        await world.run('catalog');
        return contentOf();
      },
      (content) => [...content.values()].every((p) => p.state === 'live' || p.state === 'refused'),
    );
    expect(Object.fromEntries([...settled.values()].map((p) => [p.sku, p.state]))).toEqual({
      'OWN-MUG': 'live',
      'OWN-CUP': 'live',
      'OWN-BARE': 'refused',
    });
    expect(settled.get('OWN-BARE')!.refusals).toEqual(
      expect.arrayContaining([
        { attribute: 'description', value: null, reason: 'missing', language: 'de-DE' },
        expect.objectContaining({
          attribute: 'picture',
          reason: expect.stringMatching(/not a JPEG, PNG/),
          language: 'de-DE',
        }),
      ]),
    );
    const issues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select(['subject', 'message', 'details'])
      .where('code', '=', 'product.content_refused')
      .where('resolved_at', 'is', null)
      .execute();
    expect(issues.map((i) => i.subject)).toEqual(['OWN-BARE']);
    expect(issues[0]!.message).toMatch(
      /Kaufland refused the product data of SKU OWN-BARE .*description: missing/,
    );

    // The offers step now finds the units Kaufland lists for the live products.
    expect((await world.run('stock')).status).toBe('succeeded');
    expect(listed()).toEqual(new Set(['KNOWN-1', 'OWN-MUG', 'OWN-CUP']));
    const linked = await world.app.ctx.db
      .selectFrom('offers')
      .select(['sku', 'offer_id', 'pending_since'])
      .where('sku', 'in', ['OWN-MUG', 'OWN-CUP'])
      .execute();
    expect(linked.every((o) => o.offer_id !== null && o.pending_since === null)).toBe(true);
  });

  it('after the seller fixes the refused product in Odoo, sending again makes it live and closes the issue', async () => {
    const odoo = await world.odooClient();
    const [id] = await odoo.search('product.product', [['default_code', '=', BARE.sku]]);
    await odoo.write('product.product', [id!], { description_sale: 'A plain white mug, 300 ml.' });
    const base = `/api/accounts/${world.account.id}/product-content`;
    expect((await api('PUT', `${base}/${BARE.ean}/picture-url`, { url: null })).status).toBe(200);
    expect((await api('POST', `${base}/${BARE.ean}/resend`, {})).status).toBe(200);
    const settled = await eventually(
      async () => {
        await world.run('catalog');
        return (await contentOf()).get('OWN-BARE')!;
      },
      (bare) => bare.state === 'live',
    );
    expect(settled.state).toBe('live');
    const open = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select('subject')
      .where('code', '=', 'product.content_refused')
      .where('resolved_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });
});

describe('products Kaufland does not know yet, without ADLERDO_PUBLIC_URL', () => {
  let world: SyncWorld;
  let api: Api;
  let pictures: Server;
  let pictureUrl: string;

  beforeAll(async () => {
    // The seller's own picture host, standing in for a shop's CDN.
    pictures = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(PNG, 'base64')),
    );
    await new Promise<void>((resolve) => pictures.listen(0, '127.0.0.1', resolve));
    pictureUrl = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}/mug.png`;
    world = await startSyncWorld({ products: [MUG], settings: { productStockSync: true } });
    api = await signedInClient(world.app);
  });
  afterAll(async () => {
    await world?.close();
    await new Promise((resolve) => pictures?.close(resolve));
  });

  it('says the picture is missing until the seller names a picture URL, then goes live with it', async () => {
    const base = `/api/accounts/${world.account.id}/product-content`;
    await world.run('catalog');
    await world.run('stock');
    await world.run('catalog');
    expect((await api('POST', `${base}/${MUG.ean}/category`, { categoryId: '22001' })).status).toBe(200);
    await world.run('catalog');
    const waiting = await api('GET', base);
    expect(waiting.json.publicUrlSet).toBe(false);
    expect(waiting.json.products).toMatchObject([{ sku: MUG.sku, state: 'needs_picture' }]);

    expect((await api('PUT', `${base}/${MUG.ean}/picture-url`, { url: pictureUrl })).status).toBe(200);
    const live = await eventually(
      async () => {
        await world.run('catalog');
        return (await api('GET', base)).json.products[0] as { state: string };
      },
      (product) => product.state === 'live',
    );
    expect(live.state).toBe('live');
    await world.run('stock');
    expect(world.kaufland.state().units.map((unit) => unit.id_offer)).toEqual([MUG.sku]);
  });
});

describe('product data per storefront language, and a product Kaufland refuses outright', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let api: Api;
  // An EAN whose product data PUT Kaufland answers 400 (the sandbox's refused_eans), whatever the language.
  const REFUSED = { ...MUG, sku: 'OWN-REFUSED', ean: '2000000000046', name: 'Refused mug' };
  const languagesKey = randomBytes(32).toString('base64');
  const base = () => `/api/accounts/${world.account.id}/product-content`;
  const contentOf = async () =>
    new Map(
      ((await api('GET', base())).json.products as { sku: string }[]).map((p) => [
        p.sku,
        p as Record<string, any>,
      ]),
    );
  const unitsOn = (storefront: string) =>
    new Set(
      world.kaufland
        .state()
        .units.filter((unit) => unit.storefront === storefront)
        .map((unit) => unit.id_offer),
    );

  beforeAll(async () => {
    proxy = await startPublicProxy();
    // Germany and Slovakia: two storefronts in EUR, two content languages (de-DE, sk-SK).
    world = await startSyncWorld({
      products: [MUG, REFUSED],
      storefronts: ['de', 'sk'],
      settings: { productStockSync: true },
      env: { ADLERDO_PUBLIC_URL: proxy.url, ADLERDO_MASTER_KEY: languagesKey },
    });
    proxy.forwardTo(world.app.url);
    api = await signedInClient(world.app);
    const refused = await fetch(`${world.kaufland.origin}/_sandbox/catalogue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refused_eans: [REFUSED.ean] }),
    });
    expect(refused.status).toBe(204);
  });
  afterAll(async () => {
    await world?.close();
    await proxy?.close();
  });

  it('sends the content once per storefront language and follows each; a 4xx on one product never holds back the other', async () => {
    await world.run('catalog');
    await world.run('stock');
    await world.run('catalog');
    expect((await api('POST', `${base()}/${MUG.ean}/category`, { categoryId: '22001' })).status).toBe(200);
    // The seller has Slovak installed in Odoo (German not): the sk-SK text is read in Slovak, de-DE's is Odoo's
    // default text.
    const odoo = await world.odooClient();
    await odoo.create('res.lang', { name: 'Slovenčina', code: 'sk_SK', iso_code: 'sk', active: true });

    const sent = await world.run('catalog');
    expect(sent.status).toBe('succeeded');
    // Two products × two languages; the refused product's two are answered 400 and recorded, not thrown.
    expect(sent.apiCalls['kaufland PUT /product-data']).toBe(4);
    // Odoo's language list is read once for the run, not once per language asked for.
    const languageReads = Object.entries(sent.apiCalls).filter(([call]) => call.includes('res.lang'));
    expect(languageReads.map(([, n]) => n)).toEqual([1]);
    const catalogue = (await (await fetch(`${world.kaufland.origin}/_sandbox/catalogue`)).json()).data as {
      product_data: { ean: string; locale: string; attributes: Record<string, string[]> }[];
    };
    expect(
      catalogue.product_data
        .filter((p) => p.ean === MUG.ean)
        .map((p) => p.locale)
        .sort(),
    ).toEqual(['de-DE', 'sk-SK']);
    expect(catalogue.product_data.some((p) => p.ean === REFUSED.ean)).toBe(false);

    const refusedIssues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select(['subject', 'message', 'details'])
      .where('code', '=', 'product.content_refused')
      .where('resolved_at', 'is', null)
      .execute();
    expect(refusedIssues.map((i) => i.subject)).toEqual([REFUSED.sku]);
    expect(refusedIssues[0]!.message).toMatch(
      /refused the product data of SKU OWN-REFUSED .*\(de-DE\) .*refused_eans.*\(sk-SK\) /,
    );
    expect(refusedIssues[0]!.details).toMatchObject({ languages: 'de-DE, sk-SK' });

    const settled = await eventually(
      async () => {
        await world.run('catalog');
        return contentOf();
      },
      (content) => content.get(MUG.sku)?.state === 'live',
    );
    expect(settled.get(REFUSED.sku)).toMatchObject({ state: 'refused' });
    // Per language: live in both; German is not installed in Odoo, so de-DE got Odoo's default text (textLanguage
    // null, which the pages say), sk-SK the Slovak read.
    expect(settled.get(MUG.sku)!.languages).toEqual([
      { channel: 'de', language: 'de-DE', state: 'live', textLanguage: null, refusals: [] },
      { channel: 'sk', language: 'sk-SK', state: 'live', textLanguage: 'sk_SK', refusals: [] },
    ]);
    expect(settled.get(REFUSED.sku)!.languages.map((l: { state: string }) => l.state)).toEqual([
      'refused',
      'refused',
    ]);

    // Each storefront shows the unit once the data in its own language passed.
    expect((await world.run('stock')).status).toBe('succeeded');
    expect(unitsOn('de')).toEqual(new Set([MUG.sku]));
    expect(unitsOn('sk')).toEqual(new Set([MUG.sku]));
  });

  it('adlerdo products list shows the state per language', async () => {
    const cliEnv = {
      DATABASE_URL: (world.app.ctx.pool.options as { connectionString: string }).connectionString,
      ADLERDO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'adlerdo-cli-languages-')),
      ADLERDO_MASTER_KEY: languagesKey,
    };
    const listed = await runCli(['products', 'list', '--account', 'Test Store'], cliEnv);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/OWN-MUG .*live .*de-DE live \(default text\), sk-SK live /);
    expect(listed.stdout).toMatch(/OWN-REFUSED .*refused .*de-DE refused.*, sk-SK refused/);
  });
});
