import { total, type Measurement } from './meter.ts';
import type { Latency, ScenarioResult } from './scenarios/types.ts';

const seconds = (ms: number): string =>
  ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${Math.round(bytes / 1_048_576)} MB`;

/** "7 (POST /units/bulk 7)": the total, then each endpoint, most used first. */
function calls(byEndpoint: Record<string, number>): string {
  const sum = total(byEndpoint);
  if (sum === 0) return '0';
  const parts = Object.entries(byEndpoint)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([endpoint, n]) => `${endpoint} ${n}`);
  return `${sum} (${parts.join(', ')})`;
}

const latency = (value: Latency | undefined): string =>
  value && value.samplesMs.length > 0 ? `${seconds(value.p50Ms)} / ${seconds(value.p95Ms)}` : '–';

const orNa = (ms: number | null): string => (ms === null ? 'n/a' : seconds(ms));
const cpu = (m: Measurement): string[] => [seconds(m.hubCpuMs), orNa(m.postgresCpuMs), orNa(m.sandboxCpuMs)];

export function markdownTable(rows: readonly ScenarioResult[]): string {
  const header = [
    'Scenario',
    'SKUs',
    'Changes',
    'Kaufland calls (by endpoint)',
    'ERP calls (by model.method)',
    'Runs',
    'Wall',
    'Hub CPU',
    'PG CPU',
    'Sandbox CPU',
    'Hub peak RSS',
    'Order latency p50 / p95',
    'Stock latency p50 / p95',
    'Target',
  ];
  const lines = rows.map((row) => [
    row.name,
    row.skus.toLocaleString('en'),
    row.changes === null ? '–' : row.changes.toLocaleString('en'),
    calls(row.measurement.kaufland),
    calls(row.measurement.erp),
    String(row.measurement.runs),
    seconds(row.measurement.wallMs),
    ...cpu(row.measurement),
    mb(row.measurement.peakRssBytes),
    latency(row.orderLatency),
    latency(row.stockLatency),
    row.target ? `${row.target.pass ? 'PASS' : 'FAIL'}: ${row.target.text}` : '–',
  ]);
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [header, header.map(() => '---'), ...lines]
    .map((cells) => `| ${cells.map(escape).join(' | ')} |`)
    .join('\n');
}
