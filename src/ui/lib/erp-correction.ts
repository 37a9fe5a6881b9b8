import type { CodedMessage } from '../../core/coded-message.ts';
import { currentLanguage } from '../i18n/index.ts';
import { codedMessageText } from './coded-message-text.ts';
import { formatMoney } from './money.ts';

const TAX_INCLUDED = 'order.erp_tax_included';

/**
 * What the ERP connector changed on a sale order so its total is the buyer's (hub_orders.erp_corrections: a
 * price-included tax used instead of an excluded one, per tax; a rounding line), in the language on screen.
 * The swapped taxes are said in one sentence ("the taxes "19%" and "7%" … "19% incl." and "7% incl.""), the
 * rest in the order they were made; tax names are quoted and amounts formatted the reader's way.
 */
export function erpCorrectionText(
  corrections: readonly CodedMessage[],
  language: string = currentLanguage(),
): string {
  const swaps = corrections.filter((c) => c.code === TAX_INCLUDED && c.values.from !== undefined);
  const sentences = corrections.flatMap((correction) => {
    if (!swaps.includes(correction)) return [otherText(correction, language)];
    return correction === swaps[0] ? [swapsText(swaps, language)] : [];
  });
  return sentences.join('; ');
}

function swapsText(swaps: readonly CodedMessage[], language: string): string {
  const names = (key: 'from' | 'to') =>
    new Intl.ListFormat(language, { type: 'conjunction' }).format(
      swaps.map((swap) => quoted(String(swap.values[key]), language)),
    );
  return codedMessageText(swaps[0]!, language, { from: names('from'), to: names('to'), count: swaps.length });
}

function otherText(correction: CodedMessage, language: string): string {
  const { differenceMinor, currency } = correction.values;
  if (correction.code !== 'order.erp_rounding_line' || typeof differenceMinor !== 'number')
    return codedMessageText(correction, language);
  const money = (minor: number) => formatMoney(minor, String(currency ?? 'EUR'), language);
  return codedMessageText(correction, language, {
    ...correction.values,
    off: money(Math.abs(differenceMinor)),
    amount: `${differenceMinor > 0 ? '+' : ''}${money(differenceMinor)}`,
  });
}

/** A name as the language quotes it: „19%“ in German, "19%" in English. */
const quoted = (name: string, language: string) => (language === 'de' ? `„${name}“` : `"${name}"`);
