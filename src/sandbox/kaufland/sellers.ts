import { randomBytes } from 'node:crypto';
import { validateBody } from './body.ts';
import { addSellerSchema, type AddSellerInput } from './control-schemas.ts';
import { conflict, notFound } from './errors.ts';
import type { SellerRecord } from './records.ts';
import type { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';

export interface SellerCredentials {
  client_key: string;
  secret_key: string;
  storefronts: Storefront[];
}

/** The Seller Portal's key shapes: a 32-hex-character client key and a 64-hex-character secret. */
function newClientKey(): string {
  return randomBytes(16).toString('hex');
}

function newSecretKey(): string {
  return randomBytes(32).toString('hex');
}

function credentials(seller: SellerRecord): SellerCredentials {
  return {
    client_key: seller.client_key,
    secret_key: seller.secret_key,
    storefronts: [...seller.storefronts],
  };
}

export function addSeller(store: SandboxStore, input: AddSellerInput = {}): SellerCredentials {
  const parsed = validateBody(addSellerSchema, input);
  const clientKey = parsed.client_key ?? newClientKey();
  if (store.sellerByClientKey(clientKey)) {
    throw conflict('A seller with this client key exists', [
      { field: 'client_key', message: 'already in use' },
    ]);
  }
  const seller: SellerRecord = {
    id_seller: store.nextId('seller'),
    client_key: clientKey,
    secret_key: parsed.secret_key ?? newSecretKey(),
    storefronts: [...new Set(parsed.storefronts)],
    ts_created_iso: store.nowIso(),
  };
  store.sellers.set(seller.id_seller, seller);
  store.changed();
  return credentials(seller);
}

/** "Generate new API keys": a new pair at once; the old pair is refused from the next request on. Data stays. */
export function rotateKeys(store: SandboxStore, clientKey: string): SellerCredentials {
  const seller = requireSeller(store, clientKey);
  seller.client_key = newClientKey();
  seller.secret_key = newSecretKey();
  store.changed();
  return credentials(seller);
}

export function requireSeller(store: SandboxStore, clientKey: string): SellerRecord {
  const seller = store.sellerByClientKey(clientKey);
  if (!seller) throw notFound('No seller with this client key');
  return seller;
}
