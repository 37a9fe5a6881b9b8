import { currentLanguage, intlLocale } from '../i18n/index.ts';

/**
 * Numbers the reader's way: "12.345" and "9,0 s" in German, "12,345" and "9.0 s" in English. Every helper takes
 * the language (default: the one on screen) so a test or a caller can pin it.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, digits: number): Intl.NumberFormat {
  const key = `${language}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** 12345 → "12,345" (en) / "12.345" (de). */
export function formatCount(n: number, language: string = currentLanguage()): string {
  return numberFormat(language, 0).format(n);
}

/** 4.25 → "4.3" (en) / "4,3" (de) with the given decimals. */
export function formatDecimal(n: number, digits: number, language: string = currentLanguage()): string {
  return numberFormat(language, digits).format(n);
}

/** 44 → "44 ms", 8972 → "9.0 s" ("9,0 s"), 125000 → "2 min 5 s". */
export function formatDuration(ms: number, language: string = currentLanguage()): string {
  if (ms < 1000) return `${formatCount(Math.round(ms), language)} ms`;
  return formatSeconds(ms / 1000, language);
}

/** Latencies: 4.2 → "4.2 s", 75 → "1 min 15 s", 7300 → "2 h 2 min" (units read the same in German). */
export function formatSeconds(seconds: number, language: string = currentLanguage()): string {
  if (seconds < 10) return `${formatDecimal(seconds, Number.isInteger(seconds) ? 0 : 1, language)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = Math.round(seconds - minutes * 60);
    return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes - hours * 60;
  return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
}
