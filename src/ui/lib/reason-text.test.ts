import { afterAll, describe, expect, it } from 'vitest';
import { refundReasonSchema, returnReasonSchema } from '../../connectors/kaufland/schemas/return.ts';
import { i18n } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/language.ts';
import { refundReasonText, returnReasonText } from './reason-text.ts';

describe('refund and return reasons in words', () => {
  const before = i18n.language;
  afterAll(() => i18n.changeLanguage(before));

  for (const language of LANGUAGES)
    it(`${language}: every reason Kaufland sends has its own text, not the code`, async () => {
      await i18n.changeLanguage(language);
      for (const code of refundReasonSchema.options) {
        expect(i18n.exists(`refundReason.${code}`, { ns: 'labels' }), `refundReason.${code}`).toBe(true);
        expect(refundReasonText(code)).not.toContain('_');
      }
      for (const code of returnReasonSchema.options) {
        expect(i18n.exists(`returnReason.${code}`, { ns: 'labels' }), `returnReason.${code}`).toBe(true);
        expect(returnReasonText(code)).not.toContain('_');
      }
    });

  it('German says them in German; an unknown code reads as words', async () => {
    await i18n.changeLanguage('de');
    expect(refundReasonText('delivery_damage')).toBe('Beim Versand beschädigt');
    expect(returnReasonText('wrong_size')).toBe('Falsche Größe');
    expect(refundReasonText('brand_new_reason')).toBe('Brand new reason');
  });
});
