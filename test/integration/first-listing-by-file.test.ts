import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.ts';
import { startPublicProxy, type PublicProxy } from '../helpers/public-proxy.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 13, first listing by file, through the real entry points: the hub (embedded PostgreSQL, its HTTP
 * server behind a loopback reverse proxy as ADLERDO_PUBLIC_URL) and the Kaufland sandbox over HTTP. The
 * sandbox really downloads the CSV from the hub's public URL, imports it after its import time, and the hub
 * follows the import across runs.
 */
const NEW_OFFERS = 1_200;

/** A valid EAN-13 (check digit computed), different for each n. */
function ean13(n: number): string {
  const body = `40${String(n).padStart(10, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const sku = (n: number) => `FILE-${String(n).padStart(5, '0')}`;
const PRODUCTS = [
  ...Array.from({ length: NEW_OFFERS }, (_, i) => ({
    sku: sku(i + 1),
    ean: ean13(i + 1),
    price: 10 + (i % 50),
    qty: 1 + (i % 7),
  })),
  // Listed by hand before AdlerDo: the file replaces the listing, so it must repeat this one.
  { sku: 'KEEP-1', ean: ean13(99_001), price: 15, qty: 4 },
  // EANs Kaufland refuses: per-row errors in the file, then an issue each.
  { sku: 'BAD-EAN-1', ean: '12345', price: 9, qty: 1 },
  { sku: 'BAD-EAN-2', ean: '4006381', price: 9, qty: 1 },
];

interface SandboxFile {
  id_import_file: number;
  client_key: string;
  status: string;
  uri: string;
  error_count: number;
  downloads: number;
  row_errors: { id_offer: string; message: string }[];
}

describe('first listing by file (issue 13)', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let fileUrl = '';

  const control = async (path: string, body?: unknown) =>
    fetch(`${world.kaufland.origin}/_sandbox/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => ((await r.json()) as { data: unknown }).data);
  const sandboxFiles = async (clientKey = world.keys.client_key) =>
    ((await control('import-files')) as { files: SandboxFile[] }).files.filter(
      (f) => f.client_key === clientKey,
    );
  const unitsOf = (clientKey: string) =>
    new Map(
      world.kaufland
        .state()
        .units.filter((u) => u.client_key === clientKey)
        .map((u) => [u.id_offer, u]),
    );
  const feedRows = (accountId: string) =>
    world.app.ctx.db
      .selectFrom('offer_feeds')
      .select(['id', 'state', 'import_id', 'error_rows', sql<number>`length(body)`.as('body_length')])
      .where('account_id', '=', accountId)
      .execute();
  const calls = (outcome: { apiCalls: Record<string, number> }, key: string) => outcome.apiCalls[key] ?? 0;

  beforeAll(async () => {
    proxy = await startPublicProxy();
    world = await startSyncWorld({
      products: PRODUCTS,
      settings: { productStockSync: true },
      env: { ADLERDO_PUBLIC_URL: proxy.url },
    });
    proxy.forwardTo(world.app.url);
    await world.listOnKaufland([{ sku: 'KEEP-1', ean: ean13(99_001), price: 1500, amount: 4 }]);
    // Long enough that the import is still running during the next runs; the test shortens it later.
    await control('import-settings', { import_ms: 3_600_000 });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    await proxy?.close();
  });

  it('lists >= 1,000 new offers as one file registered once, served at an unguessable URL', async () => {
    const first = await world.run('stock');
    expect(first.status).toBe('succeeded');
    expect(calls(first, 'kaufland POST /import-files/inventory-feed')).toBe(1);
    expect(calls(first, 'kaufland POST /units')).toBe(0);
    const [file] = await sandboxFiles();
    expect(file?.uri).toMatch(new RegExp(`^${proxy.url}/api/feeds/[A-Za-z0-9_-]{43}$`));
    fileUrl = file?.uri ?? '';
    // The sandbox downloaded it from the hub, through the public address.
    expect(file?.downloads).toBe(1);
    const [feed] = await feedRows(world.account.id);
    expect(feed).toMatchObject({ state: 'registered', import_id: String(file?.id_import_file) });

    const served = await fetch(fileUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await served.text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('id_offer;ean;condition;price;currency;count;handling_time;id_shipping_group');
    // Every new offer plus the one listed by hand (the file replaces the listing).
    expect(lines).toHaveLength(1 + NEW_OFFERS + 3);
    expect(csv).toContain(`\n${sku(1)};${ean13(1)};100;1000;EUR;1;`);
    expect(csv).toContain(`\nKEEP-1;${ean13(99_001)};100;1500;EUR;4;`);
  });

  it('answers 404 for any other token, and lists nothing under /api/feeds', async () => {
    const token = fileUrl.split('/').at(-1) ?? '';
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [wrong, 'x', '', `${token}/..`, `${token}.csv`]) {
      const response = await fetch(`${proxy.url}/api/feeds/${path}`);
      expect([404], `GET /api/feeds/${path}`).toContain(response.status);
      expect(await response.text()).not.toContain('id_offer;');
    }
  });

  it('a run while the import is pending (and one after a crash before the id was recorded) never registers again', async () => {
    const second = await world.run('stock');
    expect(second.status).toBe('succeeded');
    expect(calls(second, 'kaufland POST /import-files/inventory-feed')).toBe(0);
    expect(calls(second, 'kaufland POST /units')).toBe(0);

    // As if the hub died after Kaufland took the file but before the hub stored its id.
    const [feed] = await feedRows(world.account.id);
    await sql`UPDATE offer_feeds SET state = 'prepared', import_id = NULL WHERE id = ${feed?.id}`.execute(
      world.app.ctx.db,
    );
    const afterCrash = await world.run('stock');
    expect(afterCrash.status).toBe('succeeded');
    expect(calls(afterCrash, 'kaufland POST /import-files/inventory-feed')).toBe(0);
    expect(calls(afterCrash, 'kaufland GET /import-files/inventory-feed')).toBe(1);
    expect(await feedRows(world.account.id)).toEqual([
      expect.objectContaining({ state: 'registered', import_id: feed?.import_id }),
    ]);
    expect(await sandboxFiles()).toHaveLength(1);
  });

  it('when the import ends: units linked, the file expired, refused rows become issues in plain words', async () => {
    await control('import-settings', { import_ms: 0 });
    const files = await eventually(sandboxFiles, (f) => f[0]?.status === 'IMPORTED');
    expect(files[0]?.status).toBe('IMPORTED');
    expect(files[0]?.row_errors.map((e) => e.id_offer).sort()).toEqual(['BAD-EAN-1', 'BAD-EAN-2']);
    expect(files[0]?.row_errors[0]?.message).toMatch(/ean/);

    const done = await world.run('stock');
    expect(done.status).toBe('succeeded');
    expect(done.counts.created).toBe(NEW_OFFERS);
    // Only the two rows the file could not list went one by one, and were refused.
    expect(calls(done, 'kaufland POST /units')).toBe(2);
    expect(done.counts.failed).toBe(2);

    const units = unitsOf(world.keys.client_key);
    expect(units.size).toBe(NEW_OFFERS + 1);
    expect(units.get('KEEP-1')).toMatchObject({ listing_price: 1500 });
    expect(units.get(sku(7))).toMatchObject({ amount: 7, listing_price: 1600 });
    const linked = await world.app.ctx.db
      .selectFrom('offers')
      .select(sql<string>`count(*)`.as('n'))
      .where('account_id', '=', world.account.id)
      .where('offer_id', 'is not', null)
      .where('pending_since', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(linked.n)).toBe(NEW_OFFERS + 1);

    const issues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select(['subject', 'message'])
      .where('account_id', '=', world.account.id)
      .where('code', '=', 'offer.rejected')
      .where('resolved_at', 'is', null)
      .orderBy('subject')
      .execute();
    expect(issues.map((i) => i.subject)).toEqual(['BAD-EAN-1', 'BAD-EAN-2']);
    expect(issues[0]?.message).toMatch(/BAD-EAN-1.*ean/i);

    // The finished file's text is dropped (while open it was served: the first test reads it back).
    expect(await feedRows(world.account.id)).toEqual([
      expect.objectContaining({ state: 'imported', error_rows: 2, body_length: 0 }),
    ]);
    // The file's URL expired with the import.
    expect((await fetch(fileUrl)).status).toBe(404);

    // The next run has nothing left to do at Kaufland for these offers.
    const idle = await world.run('stock');
    expect(calls(idle, 'kaufland POST /units')).toBe(0);
    expect(calls(idle, 'kaufland POST /import-files/inventory-feed')).toBe(0);
  });

  it('a file Kaufland refuses as a whole falls back to one POST /units per offer', async () => {
    await control('import-settings', { reject_files: true });
    const other = await world.addAccount({ name: 'Second Store', settings: { productStockSync: true } });
    const clientKey = other.keys.client_key;

    const first = await other.run('stock');
    expect(first.status).toBe('succeeded');
    expect(calls(first, 'kaufland POST /import-files/inventory-feed')).toBe(1);
    const refused = await eventually(
      () => sandboxFiles(clientKey),
      (f) => f[0]?.status === 'CHECKING_FAILED',
    );
    expect(refused[0]?.status).toBe('CHECKING_FAILED');

    const fallback = await other.run('stock');
    expect(fallback.status).toBe('succeeded');
    expect(calls(fallback, 'kaufland POST /import-files/inventory-feed')).toBe(0);
    expect(calls(fallback, 'kaufland POST /units')).toBe(NEW_OFFERS + 3);
    expect(fallback.counts.created).toBe(NEW_OFFERS + 1);
    expect(unitsOf(clientKey).size).toBe(NEW_OFFERS + 1);
    expect(await feedRows(other.account.id)).toEqual([expect.objectContaining({ state: 'rejected' })]);

    // The seller read why while the offers went one by one (an account-level issue on the storefront, with
    // Kaufland's note), and it closed once the fallback had listed them.
    const issues = await world.app.ctx.db
      .selectFrom('sync_issues')
      .select(['subject', 'message', 'details', 'resolved_at'])
      .where('account_id', '=', other.account.id)
      .where('code', '=', 'offer.file_refused')
      .execute();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.subject).toBe('de');
    expect(issues[0]!.message).toMatch(
      /^The file of 1203 new offers for DE was not listed: Kaufland refused it after checking it\. It said: File refused as a whole \(sandbox setting reject_files\)/,
    );
    expect(issues[0]!.details).toMatchObject({ cause: 'checked', offers: NEW_OFFERS + 3, channel: 'de' });
    expect(issues[0]!.resolved_at).not.toBeNull();
  }, 120_000);
});
