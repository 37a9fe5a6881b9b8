import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Domain, OdooClient, OdooRecord } from './odoo.client.ts';

/**
 * Change cursors over a `write_date`-like field: a keyset over (second, id).
 *
 * Odoo answers write_date to the second but PostgreSQL stores it to the microsecond (the transaction's start,
 * NOTES.md). So `write_date = '10:00:00'` would miss a stored 10:00:00.123456, and `order write_date, id` sorts
 * one second's records by microsecond, not by id. Hence two reads:
 * - ahead: `write_date >= at` minus what the cursor already holds of second `at`, ordered by date — a page that
 *   spans several seconds delivers every second but its last, which may be cut anywhere;
 * - by id: the window `at <= write_date < at + 1 s`, ordered by id alone — for a second that fills a page (a
 *   bulk import puts 10,000 records in one second), one page per call, resumed after the last id.
 * The former cursor re-read such a second from offset 0 on every call and kept every id it had seen: at
 * 10,000 SKUs imported in one second a stock cycle with nothing changed cost 45 ERP calls. Now it costs one
 * read per source while nothing changes, and a second of any size costs ⌈size / limit⌉ calls once.
 *
 * A record written again later carries a later write_date and is delivered again. Known gaps:
 * - a record written again within the same second it was delivered in is seen at its next change;
 * - in a second holding more than TAIL_IDS delivered records the cursor keeps only the highest id, so a record
 *   with a lower id written into that second after it was read is seen at its next change;
 * - a transaction that commits after the cursor has passed its start second (write_date is the start) is seen
 *   at its next change. Every write_date cursor shares this one; only a periodic full read closes it.
 */
export interface ChangeCursor {
  /** Every record whose write_date lies in an earlier second was delivered. */
  at: string;
  /** In second `at`, every record with an id up to this one was delivered (0: none by id)… */
  afterId: number;
  /** …and these ones, all above `afterId`, too. */
  seen: number[];
  /** The last page ended inside second `at`: read the rest of that second by id first. */
  byId: boolean;
}

/**
 * A second's delivered ids are kept up to this many, so that a record with a lower id that lands in that second
 * after it was read is still found: confirming an order takes 100–200 ms (NOTES.md), and the older quant it
 * reserves becomes visible that long after its write_date, the transaction's start. Everyday editing puts a
 * handful of records in one second; past 100 (a bulk import) the list folds into `afterId`, which keeps a
 * stored cursor under ~1 KB.
 */
export const TAIL_IDS = 100;

/** A stored cursor of the former `{at, seen}` shape keeps its exact `seen` up to this many ids (~70 KB once). */
export const LEGACY_SEEN_MAX = 10_000;

const SECOND = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const second = z.string().regex(SECOND);
const ids = z.array(z.number().int());

const currentSchema = z.object({
  at: second,
  afterId: z.number().int().min(0),
  seen: ids,
  byId: z.boolean(),
});

/**
 * The former shape: `seen` holds every id delivered in second `at`, read in microsecond order, so the highest
 * of them says nothing about the ids below it. It becomes an exact `id not in seen`; a list too long for one
 * request restarts that second instead (its records are delivered again, which the hub's upserts absorb).
 */
const legacySchema = z
  .object({ at: second, seen: ids })
  .transform(({ at, seen }): ChangeCursor =>
    seen.length <= LEGACY_SEEN_MAX
      ? { at, afterId: 0, seen: [...new Set(seen)].sort((a, b) => a - b), byId: false }
      : { at, afterId: 0, seen: [], byId: true },
  );

export const changeCursorSchema = z.union([currentSchema, legacySchema]);

export const START: ChangeCursor = { at: '1970-01-01 00:00:00', afterId: 0, seen: [], byId: false };

export function decodeCursor<T>(text: string | null, schema: z.ZodType<T>, initial: T): T {
  if (text === null || text === '') return initial;
  try {
    return schema.parse(JSON.parse(text));
  } catch (cause) {
    throw new AppError('bug', 'odoo.bad_cursor', 'A stored Odoo sync cursor cannot be read.', {
      cause,
      details: { cursor: text.slice(0, 200) },
    });
  }
}

export interface ChangedQuery {
  model: string;
  domain: Domain;
  fields: string[];
  dateField: string;
  limit: number;
  context?: Record<string, unknown>;
}

export interface Changed<T> {
  rows: T[];
  cursor: ChangeCursor;
  hasMore: boolean;
}

/** The second after `at` ('YYYY-MM-DD HH:MM:SS', UTC like every Odoo datetime). */
export function nextSecond(at: string): string {
  const next = new Date(Date.parse(`${at.replace(' ', 'T')}Z`) + 1000);
  return next.toISOString().slice(0, 19).replace('T', ' ');
}

/** The ids the cursor already holds of second `at`, as domain leaves to exclude them. */
function notDelivered(cursor: ChangeCursor): Domain {
  return [
    ...(cursor.afterId > 0 ? [['id', '>', cursor.afterId]] : []),
    ...(cursor.seen.length > 0 ? [['id', 'not in', cursor.seen]] : []),
  ];
}

function aheadDomain(field: string, cursor: ChangeCursor): Domain {
  const rest = notDelivered(cursor);
  if (rest.length === 0) return [[field, '>=', cursor.at]];
  return [
    [field, '>=', cursor.at],
    '|',
    [field, '>=', nextSecond(cursor.at)],
    ...(rest.length > 1 ? ['&'] : []),
    ...rest,
  ];
}

function byIdDomain(field: string, cursor: ChangeCursor): Domain {
  return [[field, '>=', cursor.at], [field, '<', nextSecond(cursor.at)], ...notDelivered(cursor)];
}

const fromSecond = (at: string): ChangeCursor => ({ at, afterId: 0, seen: [], byId: false });

/** After a full by-id page: the rest of the second comes next, ids above the page's last one. */
function pagedById(cursor: ChangeCursor, page: readonly OdooRecord[]): ChangeCursor {
  const last = page.at(-1)?.id ?? cursor.afterId;
  return { at: cursor.at, afterId: last, seen: cursor.seen.filter((id) => id > last), byId: true };
}

/** Second `at` was read to its end and `rows` of it delivered: hold their ids, folded past TAIL_IDS. */
function settled(cursor: ChangeCursor, rows: readonly OdooRecord[]): ChangeCursor {
  const seen = [...new Set([...cursor.seen, ...rows.map((row) => row.id)])]
    .filter((id) => id > cursor.afterId)
    .sort((a, b) => a - b);
  if (seen.length <= TAIL_IDS) return { at: cursor.at, afterId: cursor.afterId, seen, byId: false };
  return { at: cursor.at, afterId: seen.at(-1) ?? cursor.afterId, seen: [], byId: false };
}

/**
 * Rows changed since the cursor, oldest second first, at most `limit`; hasMore when the page is full. At most
 * three reads per call (by id, ahead, by id), one while nothing changed.
 */
export async function changedSince(
  client: Pick<OdooClient, 'searchRead'>,
  query: ChangedQuery,
  cursor: ChangeCursor,
): Promise<Changed<OdooRecord>> {
  const field = query.dateField;
  const secondOf = (row: OdooRecord): string => {
    const parsed = second.safeParse(row[field]);
    if (parsed.success) return parsed.data;
    throw new AppError(
      'bug',
      'odoo.unexpected_response',
      `Odoo answered ${query.model}.${field} as ${String(row[field])}.`,
    );
  };
  const read = (domain: Domain, order: string, limit: number) =>
    client.searchRead(query.model, {
      domain: [...domain, ...query.domain],
      fields: [...new Set([...query.fields, field])],
      order,
      limit,
      ...(query.context ? { context: query.context } : {}),
    });
  const byId = (from: ChangeCursor, limit: number) => read(byIdDomain(field, from), 'id asc', limit);

  const rows: OdooRecord[] = [];
  let from = cursor;
  if (from.byId) {
    const page = await byId(from, query.limit);
    if (page.length === query.limit) return { rows: page, cursor: pagedById(from, page), hasMore: true };
    rows.push(...page);
    from = settled(from, page);
  }

  const room = query.limit - rows.length;
  const ahead = await read(aheadDomain(field, from), `${field} asc, id asc`, room);
  const last = ahead.at(-1);
  if (!last || ahead.length < room) {
    // Caught up: every second read to its end; the last one may still receive writes, so hold its ids.
    rows.push(...ahead);
    if (!last) return { rows, cursor: from, hasMore: false };
    const tail = secondOf(last);
    const base = tail === from.at ? from : fromSecond(tail);
    const tailRows = ahead.filter((row) => secondOf(row) === tail);
    return { rows, cursor: settled(base, tailRows), hasMore: false };
  }

  const cut = secondOf(last);
  const whole = ahead.filter((row) => secondOf(row) < cut);
  if (whole.length > 0) {
    // Second `cut` may be cut anywhere in microsecond order: the next call reads it again from its start.
    rows.push(...whole);
    return { rows, cursor: fromSecond(cut), hasMore: true };
  }

  // One second fills the page: read it by id, so the next call can resume after the last id.
  const start = cut === from.at ? from : fromSecond(cut);
  const page = await byId(start, room);
  rows.push(...page);
  if (page.length === room) return { rows, cursor: pagedById(start, page), hasMore: true };
  // Fewer than `ahead` showed: some were written again meanwhile and moved on to a later second.
  return { rows, cursor: settled(start, page), hasMore: page.length > 0 || start !== from };
}
