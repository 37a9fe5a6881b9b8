import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import type { AccountView } from '../../accounts/account-view.ts';
import { pushBlocker } from '../../push/marketplace-subscriptions.ts';
import { pushMessageText } from './push-message.ts';

/** Every sentence the server gives for push being off, from the server's own function. */
function blockers(): string[] {
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
  return found.filter((s): s is string => s !== undefined);
}

describe('why push is off, in the language on screen', () => {
  it('German has its own sentence for each of the server’s reasons', () => {
    const reasons = blockers();
    expect(reasons).toHaveLength(4);
    for (const reason of reasons) expect(pushMessageText(reason, 'de'), reason).not.toBe(reason);
    expect(pushMessageText(reasons[0]!, 'de')).toMatch(/^Setzen Sie ADLERDO_PUBLIC_URL/);
  });

  it('English keeps the server’s words; an unknown message is shown as it came', () => {
    for (const reason of blockers()) expect(pushMessageText(reason, 'en')).toBe(reason);
    expect(pushMessageText('Kaufland refused the subscription.', 'de')).toBe(
      'Kaufland refused the subscription.',
    );
  });
});
