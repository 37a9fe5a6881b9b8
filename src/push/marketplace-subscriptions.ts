import type { AppContext } from '../app-context.ts';
import type { AccountView } from '../accounts/account-view.ts';
import { marketplacePush } from '../connectors/push-registry.ts';
import type { CodedMessage } from '../core/coded-message.ts';
import { toAppError } from '../core/errors.ts';
import type { PushSubscription } from '../core/ports/push.port.ts';
import { accountEndpoint, callbackUrl, setEndpointState } from './endpoints.ts';
import { pushDb } from './push-tables.ts';

/**
 * Why push is off for an account, as a code the web app says in the seller's language (errors catalogue) and
 * the English sentence for the API and CLI; undefined when it can be on.
 */
export function pushBlocker(app: AppContext, account: AccountView): CodedMessage | undefined {
  if (!marketplacePush(account.type))
    return {
      code: 'push.marketplace_polled',
      values: {},
      message: 'This marketplace cannot notify AdlerDo; it is polled.',
    };
  if (!app.config.ADLERDO_PUBLIC_URL)
    return {
      code: 'push.public_url_needed',
      values: {},
      message:
        'Set ADLERDO_PUBLIC_URL (the https address where the marketplace can reach AdlerDo) to receive orders within seconds instead of polling.',
    };
  if (!account.settings.pushEmail)
    return {
      code: 'push.fallback_email_needed',
      values: {},
      message:
        'Add a fallback e-mail in the account settings: the marketplace needs one for its notifications, and mails it if it cannot reach AdlerDo.',
    };
  if (account.status !== 'connected')
    return {
      code: 'push.account_not_connected',
      values: {},
      message: 'The account is not connected; it is polled once it is.',
    };
  return undefined;
}

/**
 * Brings the marketplace's subscriptions for one account in step with what the hub wants: one per sales channel
 * and event the hub uses, all calling this account's callback URL. Missing ones are created, ones the
 * marketplace disabled (after failed deliveries) are switched back on, ones for channels no longer synced are
 * removed. With push off (no public URL, no e-mail) the hub's own subscriptions are removed. Never throws: a
 * failure is recorded on the account's push state, and polling goes on as before.
 */
export async function keepAccountPush(app: AppContext, accountId: string): Promise<void> {
  const account = await app.accounts.get(accountId);
  const endpoint = await accountEndpoint(app.db, account.id);
  const blocker = pushBlocker(app, account);
  try {
    if (blocker) {
      // Keys refused: the marketplace would refuse the removal too; the rows stay until the keys are fixed.
      if (account.status === 'connected') await removeAccountPush(app, account.id);
      await setEndpointState(app.db, endpoint.token, 'off', blocker);
      return;
    }
    const connector = marketplacePush(account.type);
    const publicUrl = app.config.ADLERDO_PUBLIC_URL;
    const email = account.settings.pushEmail;
    if (!connector || !publicUrl || !email) return;
    const url = callbackUrl(publicUrl, endpoint, account.type);
    if (url.length > connector.maxCallbackUrlLength) {
      const max = connector.maxCallbackUrlLength;
      await setEndpointState(app.db, endpoint.token, 'failed', {
        code: 'push.callback_url_too_long',
        values: { length: url.length, max },
        message: `The callback address would be ${url.length} characters; the marketplace takes at most ${max}. Use a shorter ADLERDO_PUBLIC_URL.`,
      });
      return;
    }
    // Callbacks are accepted from here on: the marketplace verifies the address while it is being subscribed.
    if (endpoint.state === 'off') await setEndpointState(app.db, endpoint.token, 'active', null);
    const session = connector.open(await app.accounts.credentialsOf(account.id));
    const remote = (await session.list()).filter((s) => s.callbackUrl === url);
    const channels = account.settings.storefronts ?? account.storefronts;
    const wanted = channels.flatMap((channel) =>
      Object.keys(connector.events).map((event) => ({ channel, event })),
    );
    const pdb = pushDb(app.db);
    const kept = new Set<string>();
    for (const { channel, event } of wanted) {
      const found = remote.find((s) => s.event === event && (s.channel === channel || s.channel === ''));
      let subscription: PushSubscription;
      let repaired = false;
      if (!found)
        subscription = await session.subscribe({ channel, event, callbackUrl: url, fallbackEmail: email });
      else if (!found.active) {
        subscription = await session.repair(found.id, { callbackUrl: url, fallbackEmail: email });
        repaired = true;
      } else subscription = found;
      kept.add(subscription.id);
      await pdb
        .insertInto('push_subscriptions')
        .values({
          account_id: account.id,
          channel,
          event,
          remote_id: subscription.id,
          active: subscription.active,
        })
        .onConflict((oc) =>
          oc.columns(['account_id', 'channel', 'event']).doUpdateSet((eb) => ({
            remote_id: subscription.id,
            active: subscription.active,
            updated_at: new Date(),
            repairs:
              repaired || !found
                ? eb('push_subscriptions.repairs', '+', 1)
                : eb.ref('push_subscriptions.repairs'),
          })),
        )
        .execute();
    }
    // Ours (same callback URL) but for a channel no longer synced.
    for (const extra of remote.filter((s) => !kept.has(s.id))) await session.unsubscribe(extra.id);
    await pdb
      .deleteFrom('push_subscriptions')
      .where('account_id', '=', account.id)
      .where('remote_id', 'not in', [...kept, ''])
      .execute();
    const inactive = (await listAccountSubscriptions(app, account.id)).filter((s) => !s.active).length;
    await setEndpointState(
      app.db,
      endpoint.token,
      'active',
      inactive > 0
        ? {
            code: 'push.subscriptions_waiting',
            values: { count: inactive },
            message: `${inactive} subscription(s) are waiting for the marketplace to verify the callback address.`,
          }
        : null,
    );
  } catch (thrown) {
    const error = toAppError(thrown);
    app.logger.warn({ accountId, code: error.code }, `push subscriptions not in step: ${error.message}`);
    await setEndpointState(app.db, endpoint.token, 'failed', {
      code: 'push.subscriptions_failed',
      // The cause by its own code, so the web app can say it too; its English words for when it cannot.
      values: { cause: error.code, detail: error.message },
      message: `${error.message} Orders are polled meanwhile.`,
    });
  }
}

/** Removes the subscriptions the hub made for this account at the marketplace (before the account goes). */
export async function removeAccountPush(app: AppContext, accountId: string): Promise<void> {
  const pdb = pushDb(app.db);
  const rows = await pdb
    .selectFrom('push_subscriptions')
    .selectAll()
    .where('account_id', '=', accountId)
    .execute();
  if (rows.length === 0) return;
  const account = await app.accounts.get(accountId);
  const connector = marketplacePush(account.type);
  if (connector) {
    const session = connector.open(await app.accounts.credentialsOf(accountId));
    for (const row of rows) {
      try {
        await session.unsubscribe(row.remote_id);
      } catch (thrown) {
        // Already gone at the marketplace: nothing left to remove.
        if (toAppError(thrown).kind !== 'not_found') throw thrown;
      }
    }
  }
  await pdb.deleteFrom('push_subscriptions').where('account_id', '=', accountId).execute();
}

export function listAccountSubscriptions(app: AppContext, accountId: string) {
  return pushDb(app.db)
    .selectFrom('push_subscriptions')
    .select(['channel', 'event', 'active', 'repairs', 'updated_at'])
    .where('account_id', '=', accountId)
    .orderBy('channel')
    .orderBy('event')
    .execute();
}
