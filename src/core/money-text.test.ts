import { describe, expect, it } from 'vitest';
import { formatMinor } from './money-text.ts';

describe('formatMinor', () => {
  it('writes minor units with the currency code and the currency’s own minor digits', () => {
    expect(formatMinor(144900, 'CZK')).toBe('1449.00 CZK');
    expect(formatMinor(5997, 'EUR')).toBe('59.97 EUR');
    expect(formatMinor(1290, 'PLN')).toBe('12.90 PLN');
    // Yen has no minor unit: 1500 is ¥1500, never 15.00.
    expect(formatMinor(1500, 'JPY')).toBe('1500 JPY');
    expect(formatMinor(-495, 'EUR')).toBe('-4.95 EUR');
    expect(formatMinor(100, 'not-a-code')).toBe('1.00 not-a-code');
  });
});
