import type { AppContext } from '../app-context.ts';
import { readCodedMessage, type CodedMessage } from '../core/coded-message.ts';
import { accountEndpoint, type PushEndpoint } from './endpoints.ts';
import { listAccountSubscriptions, pushBlocker } from './marketplace-subscriptions.ts';

export interface AccountPushView {
  state: PushEndpoint['state'];
  /** What the state means for the seller (what push would need, or what went wrong): code, values, sentence. */
  note: CodedMessage | null;
  /** The note's English sentence, kept for API clients that read it. */
  message: string | null;
  subscriptions: { channel: string; event: string; active: boolean; repairs: number }[];
  checkedAt: string | null;
  lastReceivedAt: string | null;
}

/** The account card's push line. Shows no token and no callback URL (the token is the URL's only secret). */
export async function accountPushView(app: AppContext, accountId: string): Promise<AccountPushView> {
  const account = await app.accounts.get(accountId);
  const endpoint = await accountEndpoint(app.db, account.id);
  const subscriptions = await listAccountSubscriptions(app, account.id);
  // Before the first check nothing is stored: what would keep push off is worked out now.
  const note =
    readCodedMessage(endpoint.state_note) ??
    (endpoint.checked_at ? null : (pushBlocker(app, account) ?? null));
  return {
    state: endpoint.state,
    note,
    message: note?.message ?? null,
    subscriptions: subscriptions.map(({ channel, event, active, repairs }) => ({
      channel,
      event,
      active,
      repairs,
    })),
    checkedAt: endpoint.checked_at?.toISOString() ?? null,
    lastReceivedAt: endpoint.last_received_at?.toISOString() ?? null,
  };
}
