import { startKauflandSandbox } from '../../src/sandbox/kaufland/index.ts';

export interface SellerKeys {
  client_key: string;
  secret_key: string;
}

/** The Kaufland sandbox over real HTTP, plus its control API (the Seller Portal's side of things). */
export async function startSandbox() {
  const sandbox = await startKauflandSandbox({ port: 0 });
  const control = async <T>(route: string, body: unknown = {}): Promise<T> => {
    const response = await fetch(`${sandbox.origin}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${route}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: T }).data;
  };
  return {
    baseUrl: sandbox.baseUrl,
    origin: sandbox.origin,
    addSeller: (storefronts: string[] = ['de', 'cz']) =>
      control<SellerKeys>('/_sandbox/sellers', { storefronts }),
    rotateKeys: (clientKey: string) => control<SellerKeys>(`/_sandbox/sellers/${clientKey}/rotate-keys`),
    close: () => sandbox.close(),
  };
}
