import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX, remoteExcerpt } from './remote-excerpt.ts';

describe('remoteExcerpt', () => {
  it('keeps a short plain answer as it is', () => {
    expect(remoteExcerpt('Unknown storefront "xx".')).toBe('Unknown storefront "xx".');
  });

  it('strips control characters, escapes and bidi overrides onto one line', () => {
    const hostile = 'line1\r\n{"level":50,"msg":"forged"}\u001b[31mred\u0007\u202eevil';
    const out = remoteExcerpt(hostile);
    expect([...out].filter((c) => c.charCodeAt(0) < 0x20 || c === '\u202e')).toEqual([]);
    expect(out).toBe('line1 {"level":50,"msg":"forged"} [31mred evil');
  });

  it('quotes an HTML page by its title, never its markup', () => {
    const page =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>b{}</style></head><body><h1>x</h1></body></html>';
    expect(remoteExcerpt(page)).toBe('502 Bad Gateway');
    expect(remoteExcerpt('<html><body><script>alert(1)</script><p>Login &amp; more</p></body></html>')).toBe(
      'Login & more',
    );
  });

  it(`cuts at ${EXCERPT_MAX} characters`, () => {
    const out = remoteExcerpt('a'.repeat(10_000));
    expect(out.length).toBe(EXCERPT_MAX);
    expect(out.endsWith('…')).toBe(true);
  });
});
