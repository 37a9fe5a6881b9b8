/** What one run did, shown per run on the dashboard and by `adlerdo sync status`. */
export interface RunCounts {
  read: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export function emptyCounts(): RunCounts {
  return { read: 0, created: 0, updated: 0, skipped: 0, failed: 0 };
}

/** API calls by `system endpoint`, e.g. {"kaufland POST /units/bulk": 3, "odoo product.product.search_read": 1}. */
export type CallCounts = Record<string, number>;
