import { addSeller, type SellerCredentials } from './sellers.ts';
import type { SandboxStore } from './state.ts';
import { createUnit } from './units-service.ts';

/** Fixed, published keys so a demo set-up survives restarts with --snapshot and can be typed from the README. */
export const DEMO_CLIENT_KEY = 'adc0de00000000000000000000000001';
export const DEMO_SECRET_KEY = 'adc0de5ec7e70000000000000000000000000000000000000000000000000001';

const DEMO_UNITS = [
  { id_offer: 'DEMO-001', ean: '4006381333931', listing_price: 1299, amount: 25 },
  { id_offer: 'DEMO-002', ean: '4007817327098', listing_price: 349, amount: 100 },
];

/** One seller on `de` with two units, enough to create orders at once; a second call only reports the seller. */
export function seedDemo(store: SandboxStore): SellerCredentials & { created: boolean } {
  const existing = store.sellerByClientKey(DEMO_CLIENT_KEY);
  if (existing) {
    return {
      client_key: existing.client_key,
      secret_key: existing.secret_key,
      storefronts: [...existing.storefronts],
      created: false,
    };
  }
  const credentials = addSeller(store, {
    client_key: DEMO_CLIENT_KEY,
    secret_key: DEMO_SECRET_KEY,
    storefronts: ['de'],
  });
  const seller = store.sellerByClientKey(DEMO_CLIENT_KEY);
  if (seller) for (const unit of DEMO_UNITS) createUnit(store, seller, 'de', { ...unit, handling_time: 1 });
  return { ...credentials, created: true };
}
