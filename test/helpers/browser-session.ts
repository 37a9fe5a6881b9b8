import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type PageScreenshotOptions } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'test-output/screenshots');

/** The password every browser test signs up and in with. */
export const PASSWORD = 'correct horse battery';

/** The main navigation once signed in, in its order. */
export const MAIN_NAV = [
  'Overview',
  'Orders',
  'Returns',
  'Offers & stock',
  'SKU check',
  'Issues',
  'Runs',
  'Accounts',
  'ERP',
  'Carriers',
  'Admins',
];

/** The browser's language: the web app opens in it unless the seller chose one. */
export type BrowserLocale = 'en-GB' | 'de-DE';

/**
 * Debian's Chromium (this machine cannot download browsers), headless, with one desktop-sized page. The web
 * app is built first if a plain `vitest run` came before any `npm run build:ui`. `timeoutMs` bounds every wait
 * on the page, so that a missing element fails the test instead of hanging it. The browser speaks British
 * English unless a test asks for German (`locale: 'de-DE'`), whatever the machine's own language is.
 */
export async function launchBrowser(
  timeoutMs: number,
  options: { locale?: BrowserLocale } = {},
): Promise<{ browser: Browser; page: Page }> {
  if (!existsSync(path.join(ROOT, 'dist/ui/index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'src/ui/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const locale = options.locale ?? 'en-GB';
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale });
  page.setDefaultTimeout(timeoutMs);
  return { browser, page };
}

/** Into test-output/screenshots/, the whole page unless told otherwise. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: Omit<PageScreenshotOptions, 'path'> = {},
): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true, ...options });
}

/**
 * First start in the browser: creates the administrator "admin" and waits for the app, which opens on
 * Accounts. `onSetupPage` runs while the setup form is still empty (e.g. to take its screenshot).
 */
export async function signUpInBrowser(
  page: Page,
  appUrl: string,
  onSetupPage?: () => Promise<void>,
): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('heading', { name: 'Welcome to AdlerDo' }).waitFor();
  await onSetupPage?.();
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
}

/** Fills and sends the sign-in form; what follows (the app, or a message) is the caller's to wait for. */
export async function signInInBrowser(page: Page, password = PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
