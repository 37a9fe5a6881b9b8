import { toAppError } from '../../../core/errors.ts';
import type { ErpOutcome } from '../../../core/ports/erp.port.ts';

/**
 * Runs `all` over the whole batch — one Odoo call is one transaction, ~50 records for the price of one round
 * trip — and, when Odoo refuses it (one bad record fails every record of that call), runs it again one item at
 * a time so only the refused items fail. Transient and config errors fail the call as they are: the caller
 * retries the whole batch later, and `all` must therefore be safe to repeat (look up before create).
 */
export async function batchOrEach<I, O>(
  items: readonly I[],
  all: (items: readonly I[]) => Promise<O[]>,
): Promise<ErpOutcome<O>[]> {
  if (items.length === 0) return [];
  try {
    return (await all(items)).map((value) => ({ ok: true, value }));
  } catch (thrown) {
    const error = toAppError(thrown);
    if (error.kind !== 'rejected') throw error;
    if (items.length === 1) return [{ ok: false, error }];
    const outcomes: ErpOutcome<O>[] = [];
    for (const item of items) outcomes.push(...(await batchOrEach([item], all)));
    return outcomes;
  }
}

/** Odoo's prefix OR over any number of domain terms: `['|', '|', a, b, c]`. */
export function anyOf(terms: readonly unknown[][]): unknown[] {
  if (terms.length === 0) return [[0, '=', 1]];
  return [...Array<string>(terms.length - 1).fill('|'), ...terms];
}
