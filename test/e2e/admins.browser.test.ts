import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCodeFromLog, startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, PASSWORD, saveScreenshot, signInInBrowser } from '../helpers/browser-session.ts';

/**
 * First start off loopback (with the setup code from the log) and the Administrators page, in a real browser
 * under the server's Content-Security-Policy. The steps build on each other, so they run in order.
 */

let app: TestApp;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

async function screenshots(name: string): Promise<void> {
  await saveScreenshot(page, `${name}-desktop.png`, { animations: 'disabled' });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-phone.png`, { animations: 'disabled' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const row = (username: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${username}`) }) });

describe('first start with a setup code, and the Administrators page', () => {
  beforeAll(async () => {
    [app, { browser, page }] = await Promise.all([startTestApp({ HOST: '0.0.0.0' }), launchBrowser(10_000)]);
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for the setup code from the log and refuses a wrong one', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Welcome to AdlerDo' }).waitFor();
    await page.getByLabel('Setup code').waitFor();
    await screenshots('setup-code');
    await page.getByLabel('Setup code').fill('AAAA-BBBB-CCCC');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('This is not the setup code from the log.').waitFor();

    await page.getByLabel('Setup code').fill(setupCodeFromLog(app) ?? 'missing');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  });

  it('lists administrators and adds one', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admins' }).click();
    await page.getByRole('heading', { name: 'Administrators', level: 1 }).waitFor();
    expect(await row('admin').textContent()).toContain('(you)');
    expect(await page.getByRole('button', { name: 'Remove admin' }).count()).toBe(0);

    await page.getByLabel('Username').fill('helper');
    await page.getByLabel('Password', { exact: true }).fill('helper long password');
    await page.getByLabel('Repeat password').fill('helper long password');
    await page.getByRole('button', { name: 'Add administrator' }).click();
    await page.getByText('helper can sign in now.').waitFor();
    await row('helper').waitFor();
    await screenshots('administrators');
  });

  it('refuses the own password change without the right current password', async () => {
    await page.getByRole('button', { name: 'Change password of admin' }).click();
    const form = page.getByRole('form', { name: 'New password for admin' });
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel('New password', { exact: true }).fill('a new long password');
    await form.getByLabel('Repeat new password').fill('a new long password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Enter your current password.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it("changes another administrator's password, signs them out and removes them", async () => {
    await page.getByRole('button', { name: 'Change password of helper' }).click();
    const form = page.getByRole('form', { name: 'New password for helper' });
    await form.getByLabel('New password', { exact: true }).fill('helper reset password');
    await form.getByLabel('Repeat new password').fill('helper reset password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The password of helper is changed and their sessions have ended.').waitFor();

    await page.getByRole('button', { name: 'Sign helper out everywhere' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('0 sessions of helper ended.').waitFor();

    await page.getByRole('button', { name: 'Remove helper' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('helper is removed and can no longer sign in.').waitFor();
    // The list reloads after the message shows: wait for the row to go rather than counting at once.
    await row('helper').waitFor({ state: 'detached' });
    expect(await row('helper').count()).toBe(0);
  });

  it('tells a guesser to wait after too many wrong passwords', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Exact and level 1: the Admins page's own "Who can sign in" would match too, before the sign-in page shows.
    await page.getByRole('heading', { name: 'Sign in', exact: true, level: 1 }).waitFor();
    // One answer per attempt before the next: a click while the form is busy would be ignored.
    const attempt = async (password: string) => {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await signInInBrowser(page, password);
      return (await answered).status();
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await attempt(`wrong password ${i}`));
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    await page.getByText('Wrong username or password.').waitFor();
    expect(await attempt('wrong password again')).toBe(429);
    await page.getByText(/Too many failed attempts from here\. Try again in \d+ seconds?\./).waitFor();
    await screenshots('sign-in-throttled');
  });

  it('ran under the Content-Security-Policy without a violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
