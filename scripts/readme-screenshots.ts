/**
 * The README's screenshots (docs/screenshots/<page>-<en|de>.png), taken from the demo as a newcomer sees it:
 * starts `adlerdo demo` (sandboxes, live orders, temporary data), creates the administrator, waits until orders
 * have reached Odoo, then photographs the main pages in a British and in a German browser at 1440×900. Run by
 * hand after a visible UI change (never in tests: it writes into docs/):
 *
 *   npm run build:ui && npx tsx scripts/readme-screenshots.ts
 *
 * Only the window is photographed, not the whole page, to keep each image small enough for the README.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs/screenshots');
const PASSWORD = 'correct horse battery';
const VIEWPORT = { width: 1440, height: 900 };

interface Shot {
  name: string;
  /** The address, or how to get there from the orders list (the order timeline). */
  path: string | ((page: Page) => Promise<void>);
  /** Shown once the page has its data. */
  ready: string;
  /** Scrolled to the top of the window first (the connected account sits below the add form). */
  scrollTo?: string;
}

async function startDemo(): Promise<{ url: string; stop: () => void }> {
  const child = spawn('node', ['bin/adlerdo.js', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /running at (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`adlerdo demo exited (${code ?? 'signal'})`)));
  });
  return { url, stop: () => child.kill('SIGINT') };
}

/** Polls until `selector` matches, reloading in between (the demo fills the pages over time). */
async function waitFor(page: Page, selector: string, hasText: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.locator(selector, { hasText }).count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`"${hasText}" did not show on ${page.url()}`);
    await page.waitForTimeout(3_000);
    await page.reload();
  }
}

async function shoot(context: BrowserContext, url: string, shots: Shot[], language: string): Promise<void> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  for (const shot of shots) {
    if (typeof shot.path === 'string') await page.goto(`${url}${shot.path}`);
    else await shot.path(page);
    await page.locator('#main').getByText(shot.ready).first().waitFor();
    if (shot.scrollTo) {
      await page
        .getByRole('heading', { name: shot.scrollTo })
        .first()
        .evaluate((el) => el.scrollIntoView());
    }
    // Charts and live badges settle before the picture.
    await page.waitForTimeout(1_500);
    const file = path.join(OUT, `${shot.name}-${language}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    process.stdout.write(`${file}\n`);
  }
  await page.close();
}

async function main(): Promise<void> {
  const demo = await startDemo();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const first = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
    const page = await first.newPage();
    await page.goto(demo.url);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    // Orders in Odoo and at least one shipped back, so the timeline tells the whole story.
    await page.goto(`${demo.url}/orders`);
    await waitFor(page, '.orders-table tbody tr', 'Shipped');
    const shipped = page.locator('.orders-table tbody tr', { hasText: 'Shipped' }).first();
    const orderPath = await shipped.locator('a').first().getAttribute('href');
    if (!orderPath) throw new Error('no order link in the orders table');
    const session = await first.storageState();
    await first.close();

    for (const [locale, language, words] of [
      ['en-GB', 'en', { overview: 'Live', order: 'S000', offers: 'SKU', connected: 'Connected Accounts' }],
      ['de-DE', 'de', { overview: 'Live', order: 'S000', offers: 'SKU', connected: 'Verbundene Konten' }],
    ] as const) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale, storageState: session });
      await shoot(
        context,
        demo.url,
        [
          { name: 'overview', path: '/overview', ready: words.overview },
          { name: 'order-timeline', path: orderPath, ready: words.order },
          { name: 'offers', path: '/offers', ready: words.offers },
          { name: 'accounts', path: '/accounts', ready: 'Demo Kaufland Store', scrollTo: words.connected },
          { name: 'issues', path: '/issues', ready: language === 'de' ? 'Probleme' : 'Issues' },
        ],
        language,
      );
      await context.close();
    }
  } finally {
    await browser?.close();
    demo.stop();
  }
}

await main();
