import { describe, expect, it } from 'vitest';
import type { CodedMessage } from '../../core/coded-message.ts';
import { erpCorrectionText } from './erp-correction.ts';

// As connectors/odoo/models/included-taxes.ts and rounding-line.ts record them (hub_orders.erp_corrections).
const TAX: CodedMessage = {
  code: 'order.erp_tax_included',
  values: { from: '19%', to: '19% INC' },
  message: `Odoo's price-excluded tax "19%" would have added VAT on top of the gross prices; used the price-included "19% INC" so the total is what the buyer paid`,
};
const ROUNDING: CodedMessage = {
  code: 'order.erp_rounding_line',
  values: { differenceMinor: -1, currency: 'EUR', line: 'Rounding difference Kaufland' },
  message: `Odoo's total was 0.01 EUR off what the buyer paid (it rounds the VAT of the order's tax rates together); added the line "Rounding difference Kaufland" of -0.01 EUR, without tax, so the total is the buyer's`,
};

/** Intl writes a no-break space between amount and currency; the sentences are compared with plain ones. */
const said = (corrections: CodedMessage[], language: string) =>
  erpCorrectionText(corrections, language).replace(/\u00a0/g, ' ');

describe('the ERP correction on the order timeline, said by its code', () => {
  it('German: both corrections in German, in their order, with the tax names and amounts in German format', () => {
    const text = said([TAX, ROUNDING], 'de');
    expect(text).toContain('Die Steuer „19%“ in Odoo ist nicht im Preis enthalten');
    expect(text).toContain('die im Preis enthaltene Steuer „19% INC“');
    expect(text).toMatch(/wich um 0,01 € vom Betrag des Käufers ab/);
    expect(text).toMatch(/„Rounding difference Kaufland“ über -0,01 €/);
    expect(text.indexOf('19% INC')).toBeLessThan(text.indexOf('wich um'));
    expect(text).not.toMatch(/buyer|price-excluded|EUR/);
  });

  it('English: the same sentences, amounts in English format and a sign on the added line', () => {
    expect(erpCorrectionText([TAX], 'en')).toBe(TAX.message);
    const up = { ...ROUNDING, values: { ...ROUNDING.values, differenceMinor: 2, currency: 'CZK' } };
    const text = said([TAX, up], 'en');
    expect(text.startsWith(`${TAX.message}; Odoo's total was CZK 0.02 off`)).toBe(true);
    expect(text).toContain('added the line "Rounding difference Kaufland" of +CZK 0.02, without tax');
  });

  it('several swapped taxes are one sentence naming each, in either language', () => {
    const seven = { ...TAX, values: { from: '7%', to: '7% INC' } };
    expect(said([TAX, seven, ROUNDING], 'en')).toMatch(
      /^Odoo's price-excluded taxes "19%" and "7%" would have added VAT .* used the price-included "19% INC" and "7% INC" so the total is what the buyer paid; Odoo's total was €0.01 off/,
    );
    expect(said([TAX, seven], 'de')).toBe(
      'Die Steuern „19%“ und „7%“ in Odoo sind nicht im Preis enthalten und hätten die MwSt. zusätzlich auf die Bruttopreise aufgeschlagen; verwendet wurden stattdessen die im Preis enthaltenen Steuern „19% INC“ und „7% INC“, damit die Summe dem Betrag des Käufers entspricht',
    );
  });

  it('a code the catalogue does not know (a row from before codes) is shown as stored', () => {
    const older: CodedMessage = {
      code: 'order.erp_correction',
      values: {},
      message: 'Odoo changed something',
    };
    expect(erpCorrectionText([older, TAX], 'de')).toMatch(/^Odoo changed something; Die Steuer „19%“/);
    expect(erpCorrectionText([], 'de')).toBe('');
  });
});
