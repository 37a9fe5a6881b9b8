import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/connectors/kaufland/signature.ts';
import { signedInClient } from '../helpers/app.ts';
import { eventually } from '../helpers/eventually.ts';
import { startPublicProxy, type PublicProxy } from '../helpers/public-proxy.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * The callback route reads less per callback (one query for the token, the decrypted keys kept between
 * callbacks, "last received" written once a second), and stays exactly as strict: a token retired by any path is
 * refused from the very next callback, and new keys count from the very next callback. Through the real app over
 * HTTP, with the sandbox's subscriptions made by the hub.
 */
const PRODUCT = { sku: 'RET-1', ean: '4006381333931', name: 'Kettle', price: 29.99, qty: 5 };
const NOTICE = '{"event_name":"order_new","url":"/v2/orders/1"}';

describe('push callbacks after a token or keys changed (issue 13)', () => {
  let proxy: PublicProxy;
  let world: SyncWorld;
  let api: Awaited<ReturnType<typeof signedInClient>>;
  let callback = '';

  /** The path part of a callback URL, posted to the app directly (the signature covers the public URL). */
  const local = (url: string) => `${world.app.url}${new URL(url).pathname}`;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(local(callback), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });
  const signedWith = (secret: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      'shop-timestamp': String(timestamp),
      'shop-signature': signRequest({ method: 'POST', uri: callback, body: NOTICE, timestamp, secret }),
    };
  };
  const subscribed = async () => {
    const checked = await api('POST', `/api/accounts/${world.account.id}/push/check`, {});
    expect(checked.json.push.state).toBe('active');
  };

  beforeAll(async () => {
    proxy = await startPublicProxy();
    world = await startSyncWorld({
      products: [PRODUCT],
      env: { ADLERDO_PUBLIC_URL: proxy.url },
      settings: { pushEmail: 'shop@example.com' },
    });
    proxy.forwardTo(world.app.url);
    api = await signedInClient(world.app);
    await subscribed();
    const { token } = await world.app.ctx.db
      .selectFrom('push_endpoints')
      .select('token')
      .where('account_id', '=', world.account.id)
      .executeTakeFirstOrThrow();
    callback = `${proxy.url}/api/push/kaufland/${token}`;
  });
  afterAll(async () => {
    await world?.close();
    await proxy?.close();
  });

  it('new keys: a notification signed with the old secret is refused from the next callback on', async () => {
    const old = world.keys.secret_key;
    // The old keys are in use (and remembered) before the change.
    expect(await post(NOTICE, signedWith(old))).toBe(202);
    expect(await post(NOTICE, signedWith(old))).toBe(202);
    const rotated = world.kaufland.rotateKeys(world.keys.client_key);
    const changed = await api('PUT', `/api/accounts/${world.account.id}/credentials`, {
      clientId: rotated.client_key,
      clientSecret: rotated.secret_key,
    });
    expect(changed.status).toBe(200);
    expect(await post(NOTICE, signedWith(old))).toBe(400);
    expect(await post(NOTICE, signedWith(rotated.secret_key))).toBe(202);
    world.keys.secret_key = rotated.secret_key;
  });

  it('subscriptions dropped by another process (straight in the database): 404 from the next callback, back after a check', async () => {
    expect(await post(NOTICE)).toBe(202);
    // What `adlerdo` on the command line or a second `adlerdo start` would leave behind: no in-process signal.
    await sql`DELETE FROM push_subscriptions WHERE account_id = ${world.account.id}`.execute(
      world.app.ctx.db,
    );
    await sql`UPDATE push_endpoints SET state = 'off' WHERE account_id = ${world.account.id}`.execute(
      world.app.ctx.db,
    );
    expect(await post(NOTICE)).toBe(404);
    await subscribed();
    expect(await post(NOTICE)).toBe(202);
  });

  it('"last received" is written for a burst of callbacks, and shown on the account', async () => {
    await sql`UPDATE push_endpoints SET last_received_at = NULL WHERE account_id = ${world.account.id}`.execute(
      world.app.ctx.db,
    );
    // A second later than any write this process made before, so the burst is not within the last one's second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const statuses = await Promise.all(Array.from({ length: 50 }, () => post(NOTICE)));
    expect(statuses.filter((s) => s !== 202)).toEqual([]);
    const view = await eventually(
      async () => (await api('GET', `/api/accounts/${world.account.id}/push`)).json,
      (json) => json.push.lastReceivedAt !== null,
    );
    expect(view.push.lastReceivedAt).not.toBeNull();
  });

  it('the account removed while callbacks stream in: every callback sent after the removal answered is 404', async () => {
    const answers: { sentAfterRemoval: boolean; status: number }[] = [];
    let removed = false;
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        const sentAfterRemoval = removed;
        answers.push({ sentAfterRemoval, status: await post(NOTICE) });
      }
    })();
    await eventually(
      () => answers.length,
      (n) => n >= 20,
    );
    expect((await api('DELETE', `/api/accounts/${world.account.id}`)).status).toBe(204);
    removed = true;
    await eventually(
      () => answers.filter((a) => a.sentAfterRemoval).length,
      (n) => n >= 20,
    );
    streaming = false;
    await stream;
    expect(answers.filter((a) => !a.sentAfterRemoval).map((a) => a.status)).toContain(202);
    const after = answers.filter((a) => a.sentAfterRemoval).map((a) => a.status);
    expect(new Set(after)).toEqual(new Set([404]));
  });
});
