import { i18n } from '../i18n/index.ts';

/*
 * The ERP connector stores what it changed on a sale order so its total is the buyer's as English sentences
 * (hub_orders.erp_correction, joined by "; "). The two it writes (connectors/odoo/models/included-taxes.ts and
 * rounding-line.ts) are recognised here and said from the `order` catalogue in the language on screen; anything
 * else is shown as stored rather than lost.
 */
const INCLUDED_TAX =
  /Odoo's price-excluded tax would have added VAT on top of the gross prices; used the price-included (.+?) so the total is what the buyer paid/g;
const ROUNDING_LINE =
  /Odoo's total was (\S+(?: \S+)?) off what the buyer paid \(it rounds the VAT of the order's tax rates together\); added the line "(.*?)" of (\S+(?: \S+)?), without tax, so the total is the buyer's/g;

const say = (key: string, values: Record<string, string>) =>
  i18n.t(`milestone.correction.${key}`, { ns: 'order', ...values });

export function erpCorrectionText(stored: string): string {
  const parts: { at: number; text: string }[] = [];
  let rest = stored;
  for (const match of stored.matchAll(INCLUDED_TAX)) {
    parts.push({ at: match.index, text: say('includedTax', { swaps: match[1] ?? '' }) });
    rest = rest.replace(match[0], '');
  }
  for (const match of stored.matchAll(ROUNDING_LINE)) {
    const [, off = '', line = '', amount = ''] = match;
    parts.push({ at: match.index, text: say('roundingLine', { off, line, amount }) });
    rest = rest.replace(match[0], '');
  }
  // Only a fully recognised correction is rewritten: a sentence half understood would mislead.
  if (parts.length === 0 || rest.replace(/;\s*/g, '').trim() !== '') return stored;
  return parts
    .sort((a, b) => a.at - b.at)
    .map((part) => part.text)
    .join('; ');
}
