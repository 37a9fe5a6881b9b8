import { describe, expect, it } from 'vitest';
import { resolveCarrier } from './carrier.ts';

describe('resolveCarrier', () => {
  const settings = { carrierMapping: { 'DPD Paket': 'DPD' }, defaultCarrier: 'DHL' };
  it('maps a mapped ERP carrier, uses the default only when the delivery names none', () => {
    expect(resolveCarrier(settings, 'DPD Paket')).toBe('DPD');
    expect(resolveCarrier(settings, null)).toBe('DHL');
    expect(resolveCarrier(settings, '  ')).toBe('DHL');
  });
  it('gives undefined for an unmapped carrier (no guess), also for names like toString', () => {
    expect(resolveCarrier(settings, 'GLS Business')).toBeUndefined();
    expect(resolveCarrier(settings, 'toString')).toBeUndefined();
  });
});
