import { describe, expect, it } from 'vitest';
import { bigintId, uuidId } from './ids.ts';
import { httpUrl, text } from './text.ts';

describe('text(): strings PostgreSQL can store', () => {
  const name = text().trim().min(1).max(10);
  it('keeps ordinary text, umlauts and emoji', () => {
    expect(name.parse(' Bäckerei ')).toBe('Bäckerei');
    expect(name.safeParse('mug 😀').success).toBe(true);
  });
  it('refuses NUL bytes and unpaired surrogates with a sentence', () => {
    expect(name.safeParse('a\u0000b').error?.issues[0]?.message).toMatch(/^Remove the NUL character/);
    expect(name.safeParse('a\ud800').error?.issues[0]?.message).toMatch(/^Remove the broken character/);
    expect(name.safeParse('\udc00a').success).toBe(false);
  });
  it('refuses NUL in URLs, which the URL parser would accept', () => {
    const url = httpUrl('Enter an http(s) URL.');
    expect(url.safeParse('https://odoo.example/x').success).toBe(true);
    expect(url.safeParse('https://odoo.example/a\u0000b').success).toBe(false);
    expect(url.safeParse('ftp://odoo.example').error?.issues[0]?.message).toBe('Enter an http(s) URL.');
  });
});

describe('ids', () => {
  it('takes bigint ids up to 2^63-1 and refuses anything else without throwing', () => {
    const id = bigintId('an issue');
    expect(id.safeParse('9223372036854775807').success).toBe(true);
    for (const bad of ['9223372036854775808', '0', '-1', '1e3', 'abc', '', '01'])
      expect(id.safeParse(bad).success, bad).toBe(false);
  });
  it('takes UUIDs only', () => {
    expect(uuidId('an account').safeParse('0b7e3c1a-5d2f-4e8a-9c61-3f0d2a4b5c6e').success).toBe(true);
    expect(uuidId('an account').safeParse('not-a-uuid').error?.issues[0]?.message).toMatch(
      /^Not an account id/,
    );
  });
});
