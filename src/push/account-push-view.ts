import type { AppContext } from '../app-context.ts';
import { accountEndpoint, type PushEndpoint } from './endpoints.ts';
import { listAccountSubscriptions, pushBlocker } from './marketplace-subscriptions.ts';

export interface AccountPushView {
  state: PushEndpoint['state'];
  /** What the state means for the seller: what push would need, or what went wrong. */
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
  return {
    state: endpoint.state,
    message: endpoint.state_message ?? (endpoint.checked_at ? null : (pushBlocker(app, account) ?? null)),
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
