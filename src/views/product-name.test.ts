import { describe, expect, it } from 'vitest';
import { productName } from './product-name.ts';

describe('productName: what an order line is called', () => {
  it("prefers the marketplace's title", () => {
    expect(productName('Blue mug 300 ml', 'MUG-BLUE')).toBe('Blue mug 300 ml');
  });
  it("falls back to the ERP's name when the title is missing or blank", () => {
    expect(productName(null, 'Blue mug')).toBe('Blue mug');
    expect(productName('   ', 'Blue mug')).toBe('Blue mug');
  });
  it("replaces the sandbox's placeholder title with the ERP's name", () => {
    expect(productName('Sandbox product 4068194000011', 'Blue mug')).toBe('Blue mug');
  });
  it('keeps the placeholder when the ERP does not know the SKU, and null when nothing is known', () => {
    expect(productName('Sandbox product 4068194000011', null)).toBe('Sandbox product 4068194000011');
    expect(productName(null, null)).toBeNull();
  });
});
