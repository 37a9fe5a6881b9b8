/**
 * The ERP reference of a batch of lines of one return, chosen before the ERP is asked and stored with the
 * lines, so a retry after a crash asks again under the same reference (and the ERP answers what it made
 * then). The first batch of a return is named after the return; a line joining later gets its own name.
 */
export function batchRef(base: string, returnId: string, earlierBatch: boolean, firstLineId: string): string {
  return earlierBatch ? `${base}:return:${returnId}/${firstLineId}` : `${base}:return:${returnId}`;
}

/** Lines grouped by a key, in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Quantities per SKU (every marketplace line is one piece). */
export function quantitiesBySku(
  lines: readonly { sku: string | null }[],
): { sku: string; quantity: number }[] {
  const counts = new Map<string, number>();
  for (const line of lines) if (line.sku) counts.set(line.sku, (counts.get(line.sku) ?? 0) + 1);
  return [...counts].map(([sku, quantity]) => ({ sku, quantity }));
}
