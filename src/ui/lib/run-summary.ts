import type { Run, RunCounts } from '../dashboard-types.ts';
import { i18n } from '../i18n/index.ts';
import { formatCount } from './format.ts';

const PARTS: (keyof RunCounts)[] = ['read', 'created', 'updated', 'skipped', 'failed'];

const say = (key: string, values?: Record<string, unknown>) => i18n.t(key, { ns: 'labels', ...values });

/** "300 read · 294 created · 6 skipped"; zeros left out; "nothing to do" when all are zero. */
export function countsSummary(counts: RunCounts): string {
  const parts = PARTS.filter((key) => (counts[key] ?? 0) > 0).map((key) =>
    say(`counts.${key}`, { n: formatCount(counts[key]) }),
  );
  return parts.length > 0 ? parts.join(' · ') : say('counts.nothing');
}

export function totalCalls(run: Pick<Run, 'apiCalls'>): number {
  return Object.values(run.apiCalls ?? {}).reduce((sum, n) => sum + n, 0);
}

/** "12 API calls" split by system: "12 API calls (Kaufland 9, Odoo 3)". */
export function callsSummary(run: Pick<Run, 'apiCalls'>): string {
  const bySystem = new Map<string, number>();
  for (const [key, n] of Object.entries(run.apiCalls ?? {})) {
    const system = key.split(' ')[0] ?? key;
    bySystem.set(system, (bySystem.get(system) ?? 0) + n);
  }
  const total = totalCalls(run);
  if (total === 0) return say('calls.none');
  const split = [...bySystem].map(
    ([system, n]) => `${system[0]?.toUpperCase()}${system.slice(1)} ${formatCount(n)}`,
  );
  return say('calls.total', { count: total, n: formatCount(total), split: split.join(', ') });
}

/**
 * A run that was paused or failed before doing anything: its reason is what to show, never "nothing to do"
 * (which would read as "all is well").
 */
export function stoppedWithoutWork(run: Pick<Run, 'status' | 'counts'>): boolean {
  return (
    (run.status === 'paused' || run.status === 'failed') && PARTS.every((key) => (run.counts[key] ?? 0) === 0)
  );
}
