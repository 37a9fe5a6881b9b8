import { currentLanguage, i18n } from '../i18n/index.ts';

/**
 * Why the marketplace refused an offer, as the hub stores it on the offer (offers.last_error): the error's code,
 * then its message — "kaufland.validation_failed: Kaufland refused …". The code is never shown: it picks the
 * sentence in the seller's language (`errors:code.<code>`); the marketplace's own answer is shown beside it as
 * its words, since only the marketplace can say what exactly it did not like.
 */
export interface OfferRefusal {
  /** What happened, in the language on screen. */
  text: string;
  /** The marketplace's answer as it came (English), when `text` does not already say it. */
  answer: string | null;
}

const STORED = /^([a-z0-9_]+\.[a-z0-9_.]+): ([\s\S]*)$/;

export function offerRefusal(stored: string, language: string = currentLanguage()): OfferRefusal {
  const match = STORED.exec(stored);
  if (!match) return { text: stored, answer: null };
  const [, code = '', detail = ''] = match;
  if (language === 'en') return { text: detail, answer: null };
  const sentence: unknown = i18n.getResource(language, 'errors', `code.${code}`);
  if (typeof sentence !== 'string') return { text: detail, answer: null };
  return { text: sentence, answer: detail };
}
