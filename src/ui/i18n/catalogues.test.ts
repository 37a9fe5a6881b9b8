import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './language.ts';
import { RESOURCES, type Catalogue } from './resources.ts';

/** "a.b.c" → text, for every leaf of a catalogue. */
function leaves(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\$t\(([^)]+)\)|<(\/?\w+)\s*\/?>/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
    .sort();

describe('message catalogues: German and English say the same things', () => {
  const [first, ...others] = LANGUAGES;
  const namespaces = [...new Set(LANGUAGES.flatMap((lang) => Object.keys(RESOURCES[lang] ?? {})))].sort();

  it('has catalogues for both languages', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) expect(Object.keys(RESOURCES[lang] ?? {}).sort()).toEqual(namespaces);
  });

  for (const ns of namespaces) {
    it(`${ns}: the same keys in every language, none empty, the same placeholders`, () => {
      const base = leaves(RESOURCES[first]?.[ns] ?? {});
      for (const lang of others) {
        const other = leaves(RESOURCES[lang]?.[ns] ?? {});
        expect([...other.keys()].sort(), `${lang}/${ns}.json keys`).toEqual([...base.keys()].sort());
        for (const [key, text] of base) {
          const translated = other.get(key) ?? '';
          expect(placeholders(translated), `${lang}/${ns}.json ${key}`).toEqual(placeholders(text));
        }
      }
      for (const lang of LANGUAGES) {
        for (const [key, text] of leaves(RESOURCES[lang]?.[ns] ?? {})) {
          expect(text.trim(), `${lang}/${ns}.json ${key} is empty`).not.toBe('');
        }
      }
    });
  }
});
