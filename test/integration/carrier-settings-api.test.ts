import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccountWorld, type AccountWorld, type Api } from '../helpers/account-world.ts';

describe("carrier codes are chosen from the marketplace's own list (GET /carriers) and checked on save", () => {
  let world: AccountWorld;
  let api: Api;
  let id: string;

  beforeAll(async () => {
    world = await startAccountWorld('Carrier account');
    ({ api, id } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("lists Kaufland's carrier codes for the pickers", async () => {
    const list = await api('GET', `/api/accounts/${id}/carriers`);
    expect(list.status).toBe(200);
    expect(list.json.carriers).toEqual(expect.arrayContaining(['DHL', 'DPD', 'GLS', 'Other']));
  });

  it('refuses an unknown default carrier with a sentence and keeps the old one', async () => {
    const typo = await api('PATCH', `/api/accounts/${id}`, {
      settings: { defaultCarrier: 'dhl express typo' },
    });
    expect(typo.status).toBe(400);
    expect(typo.json.error.code).toBe('account.unknown_carrier');
    expect(typo.json.error.message).toBe(
      'Kaufland has no carrier "dhl express typo". Choose one from its list.',
    );
    expect(typo.json.error.fields).toEqual([
      { field: 'settings.defaultCarrier', message: expect.stringContaining('dhl express typo') },
    ]);
    const account = (await api('GET', `/api/accounts/${id}`)).json.account;
    expect(account.settings.defaultCarrier).toBe('DHL');
  });

  it('refuses a mapping to an unknown code (case matters) and saves a known one', async () => {
    const wrong = await api('PATCH', `/api/accounts/${id}`, {
      settings: { carrierMapping: { 'DPD Germany': 'dpd' } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toMatch(/Kaufland has no carrier "dpd" \(for DPD Germany\)/);
    const right = await api('PATCH', `/api/accounts/${id}`, {
      settings: { carrierMapping: { 'DPD Germany': 'DPD' }, defaultCarrier: 'GLS' },
    });
    expect(right.status).toBe(200);
    expect(right.json.account.settings).toMatchObject({
      carrierMapping: { 'DPD Germany': 'DPD' },
      defaultCarrier: 'GLS',
    });
  });
});
