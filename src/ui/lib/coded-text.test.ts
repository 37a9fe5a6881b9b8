import { describe, expect, it } from 'vitest';
import { codedText } from './coded-text.ts';

describe('coded text: stored server sentences in the reader language', () => {
  const server = 'Kaufland rejected these keys.';

  it('German reads the catalogue sentence for a known code', () => {
    expect(codedText('kaufland.auth_failed', server, 'de')).toMatch(
      /^Kaufland hat diese Schlüssel abgelehnt/,
    );
  });

  it("English, an unknown code, a code group or no code keep the server's words", () => {
    expect(codedText('kaufland.auth_failed', server, 'en')).toBe(server);
    expect(codedText('brand.new', server, 'de')).toBe(server);
    expect(codedText('kaufland', server, 'de')).toBe(server);
    expect(codedText(null, server, 'de')).toBe(server);
  });
});
