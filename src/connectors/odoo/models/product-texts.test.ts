import { describe, expect, it } from 'vitest';
import { odooLanguage } from './product-texts.ts';

describe('odooLanguage', () => {
  it('takes the exact Odoo code of a storefront language', () => {
    expect(odooLanguage(['en_US', 'cs_CZ'], 'cs-CZ')).toBe('cs_CZ');
  });
  it('takes another installed variant of the same language (de-AT from de_DE)', () => {
    expect(odooLanguage(['en_US', 'de_DE'], 'de-AT')).toBe('de_DE');
  });
  it('answers undefined when Odoo has none of it', () => {
    expect(odooLanguage(['en_US'], 'sk-SK')).toBeUndefined();
    expect(odooLanguage(['en_US', 'de_CH'], 'fr-FR')).toBeUndefined();
  });
});
