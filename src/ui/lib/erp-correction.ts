import type { CodedMessage } from '../../core/coded-message.ts';
import { currentLanguage } from '../i18n/index.ts';
import { codedMessageText } from './coded-message-text.ts';
import { formatMoney } from './money.ts';

/**
 * What the ERP connector changed on a sale order so its total is the buyer's (hub_orders.erp_corrections: a
 * price-included tax used instead of an excluded one, a rounding line), in the language on screen, in the
 * order they were made. Amounts are formatted here, in the reader's locale.
 */
export function erpCorrectionText(
  corrections: readonly CodedMessage[],
  language: string = currentLanguage(),
): string {
  return corrections.map((correction) => correctionText(correction, language)).join('; ');
}

function correctionText(correction: CodedMessage, language: string): string {
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
