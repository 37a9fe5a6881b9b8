import { describe, expect, it } from 'vitest';
import { documentFileName, sameFileName } from './file-name.ts';

describe('documentFileName', () => {
  it('keeps the ERP number readable and safe as a file name', () => {
    expect(documentFileName('INV/2026/00004')).toBe('INV-2026-00004.pdf');
    expect(documentFileName('RINV/2026/00001')).toBe('RINV-2026-00001.pdf');
    expect(documentFileName('  Ä/ö 7 ')).toBe('A-o-7.pdf');
  });

  it('never answers an empty name', () => {
    expect(documentFileName('///')).toBe('document.pdf');
  });

  it('recognises the marketplace copy regardless of case', () => {
    expect(sameFileName('INV-2026-00004.pdf', 'inv-2026-00004.PDF')).toBe(true);
    expect(sameFileName('INV-2026-00004.pdf', 'INV-2026-00005.pdf')).toBe(false);
  });
});
