import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccountWorld, type AccountWorld, type Api } from '../helpers/account-world.ts';

describe('after a refused key update the badge shows what Kaufland says now, not an older "Connected"', () => {
  let world: AccountWorld;
  let api: Api;
  let sandbox: AccountWorld['sandbox'];
  let keys: AccountWorld['keys'];
  let id: string;

  beforeAll(async () => {
    world = await startAccountWorld('Keys account');
    ({ api, sandbox, id, keys } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  const status = async () => (await api('GET', `/api/accounts/${id}`)).json.account.status as string;

  it('a mistyped new pair while the stored one still works: refused, and still Connected (true)', async () => {
    const typo = await api('PUT', `/api/accounts/${id}/credentials`, {
      clientId: keys.client_key,
      clientSecret: 'f'.repeat(64),
    });
    expect(typo.status).toBe(422);
    expect(await status()).toBe('connected');
  });

  it('keys regenerated, a wrong new pair pasted: refused, and the badge turns "Credentials invalid"', async () => {
    const rotated = await sandbox.rotateKeys(keys.client_key);
    expect(await status()).toBe('connected'); // nothing has checked since the rotation
    const wrong = await api('PUT', `/api/accounts/${id}/credentials`, {
      clientId: rotated.client_key,
      clientSecret: 'e'.repeat(64),
    });
    expect(wrong.status).toBe(422);
    expect(await status()).toBe('credentials_invalid');
  });
});
