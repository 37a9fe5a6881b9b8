import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import type { AccountView } from '../../accounts/account-view.ts';
import type { CodedMessage } from '../../core/coded-message.ts';
import { pushBlocker } from '../../push/marketplace-subscriptions.ts';
import { pushMessageText } from './push-message.ts';

/** Every reason the server gives for push being off, from the server's own function. */
function blockers(): CodedMessage[] {
  const app = (url: string | undefined) => ({ config: { ADLERDO_PUBLIC_URL: url } }) as unknown as AppContext;
  const account = (over: Record<string, unknown>) =>
    ({
      type: 'kaufland',
      status: 'connected',
      settings: { pushEmail: 'shop@example.com' },
      ...over,
    }) as unknown as AccountView;
  const found = [
    pushBlocker(app(undefined), account({})),
    pushBlocker(app('https://hub.example.com'), account({ settings: { pushEmail: null } })),
    pushBlocker(app('https://hub.example.com'), account({ status: 'credentials_invalid' })),
    pushBlocker(app('https://hub.example.com'), account({ type: 'no-such-marketplace' })),
  ];
  return found.filter((note): note is CodedMessage => note !== undefined);
}

describe('why push is off, said by the server’s code', () => {
  it('German has its own sentence for each of the server’s reasons; English says the server’s sentence', () => {
    const reasons = blockers();
    expect(reasons.map((r) => r.code)).toEqual([
      'push.public_url_needed',
      'push.fallback_email_needed',
      'push.account_not_connected',
      'push.marketplace_polled',
    ]);
    for (const reason of reasons) {
      expect(pushMessageText(reason, 'en')).toBe(reason.message);
      expect(pushMessageText(reason, 'de'), reason.code).not.toBe(reason.message);
    }
    expect(pushMessageText(reasons[0]!, 'de')).toMatch(/^Setzen Sie ADLERDO_PUBLIC_URL/);
  });

  it('fills in the values: the callback address’s length and the marketplace’s limit', () => {
    const tooLong: CodedMessage = {
      code: 'push.callback_url_too_long',
      values: { length: 301, max: 255 },
      message:
        'The callback address would be 301 characters; the marketplace takes at most 255. Use a shorter ADLERDO_PUBLIC_URL.',
    };
    expect(pushMessageText(tooLong, 'en')).toBe(tooLong.message);
    expect(pushMessageText(tooLong, 'de')).toBe(
      'Die Rückrufadresse hätte 301 Zeichen; der Marktplatz nimmt höchstens 255. Verwenden Sie eine kürzere ADLERDO_PUBLIC_URL.',
    );
  });

  it('a failure says its cause by the cause’s own code, or in the server’s words when the code is new', () => {
    const failed = (cause: string): CodedMessage => ({
      code: 'push.subscriptions_failed',
      values: { cause, detail: 'Kaufland answered 401 to GET /subscriptions.' },
      message: 'Kaufland answered 401 to GET /subscriptions. Orders are polled meanwhile.',
    });
    expect(pushMessageText(failed('kaufland.auth_failed'), 'de')).toMatch(
      /^Kaufland hat diese Schlüssel abgelehnt\..* Bestellungen werden solange abgefragt\.$/,
    );
    expect(pushMessageText(failed('kaufland.auth_failed'), 'en')).toBe(failed('x').message);
    expect(pushMessageText(failed('brand.new'), 'de')).toBe(
      'Kaufland answered 401 to GET /subscriptions. Bestellungen werden solange abgefragt.',
    );
  });

  it('a code the catalogue does not have (a row stored before codes) is shown as it came', () => {
    const older: CodedMessage = {
      code: 'push.note',
      values: {},
      message: 'Kaufland refused the subscription.',
    };
    expect(pushMessageText(older, 'de')).toBe('Kaufland refused the subscription.');
  });
});
