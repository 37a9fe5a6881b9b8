import { z } from 'zod';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf } from '../schemas/common.ts';

/**
 * Plain strings, not the 2.27.0 storefront enum: this list only names the seller's channels, and newer API
 * versions already add es and nl. A storefront the client cannot serve should show up, not break the check.
 */
const storefrontsSchema = dataOf(z.array(z.string().min(1)));

export interface InfoResource {
  /** GET /info/storefront: the storefronts (de, cz, …) the seller has set up, whatever their status. */
  getStorefronts(): Promise<string[]>;
}

export function createInfoResource(api: KauflandApi): InfoResource {
  return {
    async getStorefronts() {
      const body = await api.json({ method: 'GET', path: '/info/storefront' }, storefrontsSchema);
      return body.data;
    },
  };
}
