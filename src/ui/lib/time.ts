import { currentLanguage, i18n, intlLocale } from '../i18n/index.ts';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

const cache = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const relative = (language: string) =>
  cached(`rel|${language}`, () => new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' }));
const absolute = (language: string) =>
  cached(
    `abs|${language}`,
    () => new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }),
  );
const clock = (language: string) =>
  cached(
    `clock|${language}`,
    () => new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit' }),
  );

const say = (key: string, language: string, count?: number) =>
  i18n.t(key, { ns: 'common', lng: language, count });

/** "just now", "5 minutes ago", "yesterday" / "gerade eben", "vor 5 Minuten", "gestern" … */
export function timeAgo(iso: string, now: number, language: string = currentLanguage()): string {
  let value = (new Date(iso).getTime() - now) / 1000;
  if (Math.abs(value) < 45) return say('time.justNow', language);
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative(language).format(Math.round(value), unit);
    value /= size;
  }
  return absoluteTime(iso, language);
}

/** "27 Nov 2025, 14:05" / "27.11.2025, 14:05" in the browser's time zone. */
export function absoluteTime(iso: string, language: string = currentLanguage()): string {
  return absolute(language).format(new Date(iso));
}

/**
 * Second-precise for things that happen every few seconds (sync runs): "8 s ago", "3 min ago", "2 h ago";
 * older than a day reads like timeAgo.
 */
export function shortAgo(iso: string, now: number, language: string = currentLanguage()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 2) return say('time.justNow', language);
  if (seconds < 60) return say('time.secondsAgo', language, seconds);
  if (seconds < 3600) return say('time.minutesAgo', language, Math.floor(seconds / 60));
  if (seconds < 86_400) return say('time.hoursAgo', language, Math.floor(seconds / 3600));
  return timeAgo(iso, now, language);
}

/** "in 4 s", "in 3 min", or "due now" once the time has passed. */
export function shortUntil(iso: string, now: number, language: string = currentLanguage()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds <= 0) return say('time.dueNow', language);
  if (seconds < 60) return say('time.inSeconds', language, seconds);
  if (seconds < 3600) return say('time.inMinutes', language, Math.round(seconds / 60));
  return say('time.inHours', language, Math.round(seconds / 3600));
}

/** "14:05" in the browser's time zone: chart axes. */
export function clockTime(ms: number, language: string = currentLanguage()): string {
  return clock(language).format(new Date(ms));
}
