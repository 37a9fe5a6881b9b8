import { signedInClient, startTestApp, type TestApp } from './app.ts';
import { startSandbox, type SellerKeys } from './kaufland-sandbox.ts';

export type Api = Awaited<ReturnType<typeof signedInClient>>;

export interface AccountWorld {
  app: TestApp;
  api: Api;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  keys: SellerKeys;
  /** The account added through the HTTP API, connected to the sandbox seller. */
  id: string;
  close(): Promise<void>;
}

/** An app signed in over HTTP with one Kaufland account on a fresh sandbox seller (storefront de). */
export async function startAccountWorld(name: string): Promise<AccountWorld> {
  const [app, sandbox] = await Promise.all([startTestApp(), startSandbox()]);
  const api = await signedInClient(app);
  const keys = await sandbox.addSeller(['de']);
  const added = await api('POST', '/api/accounts', {
    type: 'kaufland',
    name,
    clientId: keys.client_key,
    clientSecret: keys.secret_key,
    baseUrl: sandbox.baseUrl,
  });
  if (added.status !== 201) throw new Error(`adding the account failed: ${added.status} ${added.text}`);
  return {
    app,
    api,
    sandbox,
    keys,
    id: added.json.account.id as string,
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}
