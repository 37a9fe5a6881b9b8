import { describe, expect, it } from 'vitest';
import { offerRefusal } from './offer-refusal.ts';

// As the stock step stores a refusal (code, then the connector's message).
const BULK = 'kaufland.validation_failed: Validation failed (listing_price: must be at least 100)';
const LOST = 'sync.offer_not_listed: not listed 1 h after it was created';

describe('an offer refusal in the seller’s words, never its code', () => {
  it('German: the sentence for the code, with Kaufland’s own answer beside it', () => {
    expect(offerRefusal(BULK, 'de')).toEqual({
      text: 'Kaufland hat die gesendeten Werte abgelehnt.',
      answer: 'Validation failed (listing_price: must be at least 100)',
    });
    expect(offerRefusal(LOST, 'de').text).toMatch(/^Das Angebot wurde angelegt/);
  });

  it('English: the message without the code', () => {
    expect(offerRefusal(BULK, 'en')).toEqual({
      text: 'Validation failed (listing_price: must be at least 100)',
      answer: null,
    });
  });

  it('a code without a sentence, or text without a code, shows the message as stored (minus the code)', () => {
    expect(offerRefusal('kaufland.brand_new: Something', 'de')).toEqual({ text: 'Something', answer: null });
    expect(offerRefusal('plain words', 'de')).toEqual({ text: 'plain words', answer: null });
  });
});
