import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from './csv.ts';

describe('CSV cells', () => {
  it('puts an apostrophe before anything a spreadsheet would run as a formula', () => {
    for (const live of ["+cmd|' /C calc'!A0", '=1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(live)).toBe(`'${live}`);
    }
  });

  it('leaves ordinary values alone, including formula characters later in the text', () => {
    for (const plain of ['SKU-1', 'a=b', '1+1', 'mail@example.com', '', "'quoted"]) {
      expect(neutraliseFormula(plain)).toBe(plain);
    }
  });

  it('quotes every cell and doubles quotes, after neutralising', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(
      toCsv([
        ['kind', 'sku'],
        ['x', '+1'],
      ]),
    ).toBe('"kind","sku"\r\n"x","\'+1"\r\n');
  });
});
