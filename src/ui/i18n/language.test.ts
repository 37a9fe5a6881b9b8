import { describe, expect, it } from 'vitest';
import { detectLanguage, intlLocale } from './language.ts';

describe('which language the app opens in', () => {
  it("follows the browser's first German or English language", () => {
    expect(detectLanguage(null, ['de-AT', 'en-US'])).toBe('de');
    expect(detectLanguage(null, ['cs-CZ', 'en-GB', 'de'])).toBe('en');
    expect(detectLanguage(null, ['pl-PL', 'DE'])).toBe('de');
  });

  it('falls back to English for other languages or none', () => {
    expect(detectLanguage(null, ['cs-CZ', 'pl'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });

  it("the seller's remembered choice wins over the browser; a damaged one is ignored", () => {
    expect(detectLanguage('en', ['de-DE'])).toBe('en');
    expect(detectLanguage('fr', ['de-DE'])).toBe('de');
  });

  it('writes dates and numbers the German or British way', () => {
    expect(intlLocale('de')).toBe('de-DE');
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('xx')).toBe('en-GB');
  });
});
