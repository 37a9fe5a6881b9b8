import { i18n } from '../i18n/index.ts';

/**
 * The marketplace's refund and return reason codes ("delivery_damage", "wrong_size") in the seller's words. A
 * code the catalogue does not know yet reads as words rather than a code ("new reason"), never blank.
 */
export function refundReasonText(code: string): string {
  return reasonText('refundReason', code);
}

export function returnReasonText(code: string): string {
  return reasonText('returnReason', code);
}

function reasonText(group: string, code: string): string {
  const text = i18n.getResource(i18n.language, 'labels', `${group}.${code}`) as unknown;
  if (typeof text === 'string') return text;
  const words = code.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
