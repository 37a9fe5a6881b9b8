import type { Random } from '../../src/core/random.ts';

/**
 * The bad values the HTTP fuzz test sends (issue 9): NUL bytes, huge strings, wrong types, overflowing numbers,
 * malformed ids. Body values are JSON text, so numbers JSON cannot spell exactly (2^63, 1e309) go out verbatim.
 */
export interface BodyValue {
  label: string;
  /** The value as it appears in the JSON text. */
  json: string;
}

const HUGE = 100_000;
/** URLs stay under Node's 16 KiB header limit, or Node itself answers 431 before AdlerDo sees anything. */
const LONG_IN_URL = 8_000;

export function bodyValues(random: Random): BodyValue[] {
  const fixed: BodyValue[] = [
    { label: 'NUL byte', json: JSON.stringify('a\u0000b') },
    { label: 'only NUL', json: JSON.stringify('\u0000') },
    { label: 'huge string', json: JSON.stringify('x'.repeat(HUGE)) },
    { label: 'empty string', json: '""' },
    { label: 'number', json: '12345' },
    { label: '2^63', json: '9223372036854775808' },
    { label: '1e309', json: '1e309' },
    { label: '-1', json: '-1' },
    { label: 'fraction', json: '0.5' },
    { label: 'boolean', json: 'true' },
    { label: 'null', json: 'null' },
    { label: 'array', json: '[1,"a",null]' },
    { label: 'object', json: '{"a":{"b":"\\u0000"}}' },
    { label: 'non-UUID', json: JSON.stringify('not-a-uuid') },
    { label: '-2^63-1', json: '-9223372036854775809' },
    { label: 'blank', json: '"   "' },
    { label: 'long array', json: JSON.stringify(Array.from({ length: 5000 }, (_, i) => i)) },
    { label: 'deep nesting', json: `${'['.repeat(2000)}${']'.repeat(2000)}` },
  ];
  const randomTexts = Array.from({ length: 4 }, (_, i) => ({
    label: `random text ${i + 1}`,
    json: JSON.stringify(randomText(random, 10 + 30 * i)),
  }));
  return [...fixed, ...randomTexts];
}

/** Query-string values, already encoded. A repeated parameter is its own case (see queryCases). */
export function urlValues(random: Random): { label: string; encoded: string }[] {
  return [
    { label: 'NUL byte', encoded: 'a%00b' },
    { label: 'long string', encoded: 'x'.repeat(LONG_IN_URL) },
    { label: 'empty', encoded: '' },
    { label: '2^63', encoded: '9223372036854775808' },
    { label: '1e309', encoded: '1e309' },
    { label: '-1', encoded: '-1' },
    { label: 'non-UUID', encoded: 'not-a-uuid' },
    { label: 'broken percent-encoding', encoded: '%E0%A4%A' },
    { label: 'random text', encoded: encodeURIComponent(wellFormed(randomText(random, 30))) },
  ];
}

/** Path segments for `:id` and the like: never a real id, so no route acts on a record. */
export function pathValues(random: Random): { label: string; encoded: string }[] {
  return [
    { label: 'NUL byte', encoded: '%00' },
    { label: 'non-UUID', encoded: 'not-a-uuid' },
    { label: 'almost a UUID', encoded: '00000000-0000-4000-8000-00000000000g' },
    { label: '2^63', encoded: '9223372036854775808' },
    { label: '1e309', encoded: '1e309' },
    { label: '-1', encoded: '-1' },
    { label: '0', encoded: '0' },
    { label: 'long', encoded: '9'.repeat(LONG_IN_URL) },
    { label: 'dot segments', encoded: '..%2F..%2Fetc' },
    { label: 'random text', encoded: encodeURIComponent(wellFormed(randomText(random, 20))) },
  ];
}

/** Whole bodies that are not a JSON object (none of them may pass as "no body" on an action route). */
export const BODY_CASES: { label: string; contentType: string; body: string }[] = [
  { label: 'empty JSON body', contentType: 'application/json', body: '' },
  { label: 'malformed JSON', contentType: 'application/json', body: '{"a":' },
  { label: 'JSON array', contentType: 'application/json', body: '[1,2]' },
  { label: 'JSON string', contentType: 'application/json', body: '"text"' },
  { label: 'JSON number', contentType: 'application/json', body: '1e309' },
  { label: 'unknown field', contentType: 'application/json', body: '{"zzUnknown\\u0000":1}' },
  { label: 'proto pollution', contentType: 'application/json', body: '{"__proto__":{"admin":true}}' },
  { label: 'too large', contentType: 'application/json', body: `{"a":"${'x'.repeat(1024 * 1024)}"}` },
  { label: 'text/plain', contentType: 'text/plain', body: 'hello' },
  { label: 'form', contentType: 'application/x-www-form-urlencoded', body: 'a=1' },
];

const ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '"',
  "'",
  '\\',
  '%',
  '&',
  '=',
  '?',
  '/',
  '<',
  'é',
  'ß',
  '€',
  '😀',
  '\ud800',
  '\u202e',
];

function randomText(random: Random, length: number): string {
  return Array.from({ length }, () => random.pick(ALPHABET)).join('');
}

/** URLs are UTF-8: a lone surrogate cannot be percent-encoded, so it becomes U+FFFD there (JSON keeps it). */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
