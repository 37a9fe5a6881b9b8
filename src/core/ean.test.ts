import { describe, expect, it } from 'vitest';
import { ean13, isValidEan13 } from './ean.ts';

describe('EAN-13 check digits', () => {
  it('matches real EANs', () => {
    expect(ean13('400638133393')).toBe('4006381333931');
    expect(ean13('400781732709')).toBe('4007817327098');
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
  });
});
