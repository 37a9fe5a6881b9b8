import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { erpCorrectionText } from './erp-correction.ts';

// As connectors/odoo/models/included-taxes.ts and rounding-line.ts write them, joined by "; " (sale-orders.ts).
const TAX = `Odoo's price-excluded tax would have added VAT on top of the gross prices; used the price-included "19%" → "19% INC" so the total is what the buyer paid`;
const ROUNDING = `Odoo's total was 0.01 EUR off what the buyer paid (it rounds the VAT of the order's tax rates together); added the line "Rounding (Kaufland total)" of -0.01 EUR, without tax, so the total is the buyer's`;

describe('the ERP correction on the order timeline, in the language on screen', () => {
  const before = i18n.language;
  afterAll(() => i18n.changeLanguage(before));

  it('German says both corrections in German, in their order, keeping the tax names and amounts', async () => {
    await i18n.changeLanguage('de');
    const text = erpCorrectionText(`${TAX}; ${ROUNDING}`);
    expect(text).toContain('verwendet wurde stattdessen die im Preis enthaltene Steuer "19%" → "19% INC"');
    expect(text).toContain('wich um 0.01 EUR vom Betrag des Käufers ab');
    expect(text).toContain('„Rounding (Kaufland total)“ über -0.01 EUR');
    expect(text.indexOf('im Preis enthaltene')).toBeLessThan(text.indexOf('wich um'));
    expect(text).not.toMatch(/buyer|price-excluded/);
  });

  it('English reads as the connector wrote it', async () => {
    await i18n.changeLanguage('en');
    expect(erpCorrectionText(TAX)).toBe(TAX);
    expect(erpCorrectionText(`${TAX}; ${ROUNDING}`)).toBe(`${TAX}; ${ROUNDING}`);
  });

  it('a correction it does not fully recognise is shown as stored', async () => {
    await i18n.changeLanguage('de');
    const other = 'Odoo changed something new';
    expect(erpCorrectionText(other)).toBe(other);
    expect(erpCorrectionText(`${TAX}; ${other}`)).toBe(`${TAX}; ${other}`);
  });
});
