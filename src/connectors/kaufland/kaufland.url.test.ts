import { describe, expect, it } from 'vitest';
import { buildUrl, fillPath, parseBaseUrl } from './kaufland.url.ts';

describe('Kaufland URLs', () => {
  it('joins base (with /v2), path and an encoded query with repeated arrays', () => {
    const base = parseBaseUrl('https://sellerapi.kaufland.com/v2/');
    expect(
      buildUrl(base, '/order-units', {
        storefront: 'de',
        status: ['open', 'sent'],
        limit: 100,
        x: undefined,
        y: null,
      }),
    ).toBe('https://sellerapi.kaufland.com/v2/order-units?storefront=de&status=open&status=sent&limit=100');
    expect(buildUrl(base, '/units/', {})).toBe('https://sellerapi.kaufland.com/v2/units/');
  });

  it('produces the form fetch sends, so the signed URL is the sent URL', () => {
    const base = parseBaseUrl('https://SellerAPI.kaufland.com:443/v2');
    expect(buildUrl(base, '/units', { id_offer: "a b&c=d'é" })).toBe(
      'https://sellerapi.kaufland.com/v2/units?id_offer=a%20b%26c%3Dd%27%C3%A9',
    );
  });

  it('fills and encodes path parameters', () => {
    expect(fillPath('/orders/{id_order}', { id_order: 'A/B' })).toBe('/orders/A%2FB');
    expect(() => fillPath('/units/{id_unit}', {})).toThrow(expect.objectContaining({ kind: 'bug' }));
  });

  it('adds /v2 to a bare origin and refuses what is not an http(s) API root', () => {
    expect(parseBaseUrl('https://sellerapi.kaufland.com').href).toBe('https://sellerapi.kaufland.com/v2');
    for (const bad of ['', 'sellerapi.kaufland.com/v2', 'ftp://x/v2', 'https://x/v2?storefront=de']) {
      expect(() => parseBaseUrl(bad), bad).toThrow(
        expect.objectContaining({ kind: 'config', code: 'kaufland.invalid_base_url' }),
      );
    }
  });
});
