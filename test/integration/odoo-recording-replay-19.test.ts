import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSandbox, type OdooSandbox } from '../../src/sandbox/odoo/index.ts';

/**
 * Replays every request recorded against a real Odoo 19.0 over JSON-2 (reference/odoo/recordings/
 * odoo-19.0-json2.json, made by scripts/record-odoo19-json2.ts) against the sandbox in 19 mode, in order, and
 * compares status, content type and answer. The ids differ between the two databases: a request's `refs` say
 * where it uses an id an earlier answer taught (`binds`), so the sandbox gets its own ids there. Ids, datetimes,
 * display names that embed ids, tracebacks and the recording's `ignore` pointers are normalised, as in the 17 replay.
 */
interface Entry {
  label?: string;
  http?: number;
  request?: { method: string; path: string; headers: Record<string, string>; body?: unknown };
  refs?: Record<string, string>;
  binds?: Record<string, string>;
  ignore?: string[];
  contentType?: string;
  response?: unknown;
}

const file = path.resolve(import.meta.dirname, '../../reference/odoo/recordings/odoo-19.0-json2.json');
const recording = JSON.parse(readFileSync(file, 'utf8')) as { entries: Entry[] };
const entries = recording.entries.filter((e) => e.request !== undefined);
const recordedDatabase = 'odoo19';
const MASK = 'bearer <api key>';

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const isIdKey = (key: string) => key === 'id' || key === 'res_id' || key === 'view_id' || /_ids?$/.test(key);

function split(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function get(value: unknown, pointer: string): unknown {
  return split(pointer).reduce<unknown>(
    (v, part) => (v as Record<string, unknown> | undefined)?.[part],
    value,
  );
}

function set(value: unknown, pointer: string, to: unknown): void {
  const parts = split(pointer);
  const last = parts.pop()!;
  const parent = parts.reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], value);
  if (parent && typeof parent === 'object') (parent as Record<string, unknown>)[last] = to;
}

/** Ids (also inside many2one pairs, lists of ids and [[4, id]] commands) become '<id>'; tracebacks '<debug>'. */
function normalize(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (key === 'debug') return '<debug>';
    return DATETIME.test(value) ? '<datetime>' : value;
  }
  if (typeof value === 'number' && isIdKey(key)) return '<id>';
  if (Array.isArray(value))
    return value.map((v) => normalize(v, isIdKey(key) || key === 'views' ? 'id' : ''));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  return value;
}

/** Create, search and search_count-free answers that are bare id lists. */
const answersIds = (entry: Entry) => /\/(create|search)$/.test(entry.request!.path);

function comparable(entry: Entry, answer: unknown): unknown {
  const copy = structuredClone(answer);
  for (const pointer of entry.ignore ?? []) set(copy, pointer, '<ignored>');
  if (answersIds(entry) && Array.isArray(copy)) return copy.map((v) => (typeof v === 'number' ? '<id>' : v));
  return normalize(copy);
}

describe('Odoo sandbox 19 answers the recorded real Odoo 19.0 JSON-2 requests like the real server', () => {
  let sandbox: OdooSandbox;
  beforeAll(async () => {
    sandbox = await startOdooSandbox({ version: 19 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it(`replays all ${entries.length} recorded requests in order`, async () => {
    const ids = new Map<string, unknown>();
    const mismatches: string[] = [];
    for (const entry of entries) {
      const request = structuredClone(entry.request!);
      for (const [pointer, name] of Object.entries(entry.refs ?? {})) {
        expect(ids.has(name), `${entry.label}: ${name} was never bound`).toBe(true);
        set(request.body, pointer, ids.get(name));
      }
      const headers = { ...request.headers };
      if (headers.authorization === MASK) headers.authorization = `bearer ${sandbox.apiKey}`;
      if (headers['x-odoo-database'] === recordedDatabase) headers['x-odoo-database'] = sandbox.database;
      const response = await fetch(`${sandbox.url}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
      const body: unknown = contentType.includes('json') ? JSON.parse(text) : text;
      for (const [name, pointer] of Object.entries(entry.binds ?? {})) ids.set(name, get(body, pointer));
      if (response.status !== entry.http || contentType !== entry.contentType)
        mismatches.push(
          `${entry.label}: HTTP ${response.status} ${contentType}, recorded ${entry.http} ${entry.contentType}`,
        );
      const actual = comparable(entry, body);
      const expected = comparable(entry, entry.response);
      try {
        expect(actual).toEqual(expected);
      } catch {
        mismatches.push(
          `${entry.label}:\n  got      ${JSON.stringify(actual)}\n  recorded ${JSON.stringify(expected)}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the recording holds no API key, only the mask', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/bearer [0-9a-f]{40}/);
    expect(entries.filter((e) => e.request!.headers.authorization === MASK).length).toBeGreaterThan(30);
  });
});
