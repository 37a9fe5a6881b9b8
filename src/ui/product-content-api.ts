import { apiRequest } from './api.ts';
import type { ProductContentView } from '../product-content/product-content.service.ts';

export type { ProductContentView };

const base = (accountId: string, ean?: string) =>
  `/api/accounts/${encodeURIComponent(accountId)}/product-content${ean ? `/${encodeURIComponent(ean)}` : ''}`;

/** Products the marketplace did not know yet (issue 13): their state, and the seller's three actions. */
export const productContentApi = {
  list: (accountId: string) =>
    apiRequest<{ products: ProductContentView[]; publicUrlSet: boolean }>('GET', base(accountId)),
  confirmCategory: (accountId: string, ean: string, categoryId: string) =>
    apiRequest<{ category: { id: string; name: string }; alsoFor: number }>(
      'POST',
      `${base(accountId, ean)}/category`,
      { categoryId },
    ),
  setPictureUrl: (accountId: string, ean: string, url: string | null) =>
    apiRequest<{ ok: true }>('PUT', `${base(accountId, ean)}/picture-url`, { url }),
  resend: (accountId: string, ean: string) =>
    apiRequest<{ ok: true }>('POST', `${base(accountId, ean)}/resend`, {}),
};
