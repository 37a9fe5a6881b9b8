import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatSeconds } from './format.ts';
import { formatMoney } from './money.ts';
import { absoluteTime, shortAgo, shortUntil, timeAgo } from './time.ts';

// Non-breaking spaces (Intl puts them between amount and currency) read as plain spaces here.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers, money and dates in the language on screen', () => {
  it('counts and durations: German commas, English points', () => {
    expect(formatCount(12345, 'de')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatDuration(8972, 'de')).toBe('9,0 s');
    expect(formatDuration(8972, 'en')).toBe('9.0 s');
    expect(formatSeconds(75, 'de')).toBe('1 min 15 s');
  });

  it("money in the storefront's currency, written the reader's way", () => {
    expect(plain(formatMoney(1299, 'EUR', 'de'))).toBe('12,99 €');
    expect(plain(formatMoney(1299, 'EUR', 'en'))).toBe('€12.99');
    expect(plain(formatMoney(34900, 'CZK', 'de'))).toBe('349,00 CZK');
    expect(plain(formatMoney(34900, 'CZK', 'en'))).toBe('CZK 349.00');
    expect(plain(formatMoney(123456, 'PLN', 'de'))).toBe('1.234,56 PLN');
    expect(plain(formatMoney(500, 'JPY', 'en'))).toBe('JP¥500');
  });

  it('dates and relative times', () => {
    const iso = '2026-12-02T10:05:00Z';
    const now = new Date(iso).getTime();
    expect(absoluteTime(iso, 'de')).toMatch(/^02\.12\.2026, \d\d:05$/);
    expect(absoluteTime(iso, 'en')).toMatch(/^2 Dec 2026, \d\d:05$/);
    expect(timeAgo(iso, now + 5_000, 'de')).toBe('gerade eben');
    expect(timeAgo(iso, now + 5 * 60_000, 'de')).toBe('vor 5 Minuten');
    expect(timeAgo(iso, now + 5 * 60_000, 'en')).toBe('5 minutes ago');
    expect(shortAgo(iso, now + 8_000, 'de')).toBe('vor 8 s');
    expect(shortAgo(iso, now + 8_000, 'en')).toBe('8 s ago');
    expect(shortUntil(iso, now - 180_000, 'de')).toBe('in 3 min');
    expect(shortUntil(iso, now + 1_000, 'en')).toBe('due now');
  });
});
