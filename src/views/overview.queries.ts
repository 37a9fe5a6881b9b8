import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../store/schema.ts';

export interface Charts {
  ordersPerHour: { hour: string; orders: number }[];
  orderLatency: { hour: string; p50: number; p95: number }[];
  stockLatency: { hour: string; p50: number; p95: number }[];
  /** Marketplace calls per minute over the last hour (Kaufland allows 111 per second per seller). */
  callsPerMinute: { minute: string; calls: number }[];
  failuresPerStep: { step: string; failures: number; runs: number }[];
}

/** The Overview's charts over the last 48 hours (calls: last hour), from the ledger and the run records. */
export async function overviewCharts(db: Kysely<DB>): Promise<Charts> {
  const [orders, orderLatency, stockLatency, calls, failures] = await Promise.all([
    sql<{ hour: Date; orders: string }>`
      SELECT date_trunc('hour', received_at) AS hour, count(*) AS orders FROM hub_orders
      WHERE received_at > now() - interval '48 hours' GROUP BY 1 ORDER BY 1`.execute(db),
    sql<{ hour: Date; p50: number; p95: number }>`
      SELECT date_trunc('hour', erp_created_at) AS hour,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM erp_created_at - marketplace_created_at)) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM erp_created_at - marketplace_created_at)) AS p95
      FROM hub_orders WHERE erp_created_at > now() - interval '48 hours' GROUP BY 1 ORDER BY 1`.execute(db),
    sql<{ hour: Date; p50: number; p95: number }>`
      SELECT date_trunc('hour', o.confirmed_at) AS hour,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.confirmed_at - c.changed_at)) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM o.confirmed_at - c.changed_at)) AS p95
      FROM offers o JOIN catalog_products c ON c.sku = o.sku
      WHERE o.confirmed_at > now() - interval '48 hours' AND o.confirmed_at >= c.changed_at GROUP BY 1 ORDER BY 1`.execute(
      db,
    ),
    sql<{ minute: Date; calls: string }>`
      SELECT date_trunc('minute', r.started_at) AS minute, sum(c.value::int) AS calls
      FROM sync_runs r, jsonb_each_text(r.api_calls) c
      WHERE r.started_at > now() - interval '1 hour' AND c.key NOT LIKE 'odoo %'
      GROUP BY 1 ORDER BY 1`.execute(db),
    sql<{ step: string; failures: string; runs: string }>`
      SELECT step, count(*) FILTER (WHERE status = 'failed') AS failures, count(*) AS runs FROM sync_runs
      WHERE started_at > now() - interval '48 hours' GROUP BY step ORDER BY step`.execute(db),
  ]);
  const round = (n: number) => Math.round(Number(n) * 10) / 10;
  return {
    ordersPerHour: orders.rows.map((r) => ({ hour: r.hour.toISOString(), orders: Number(r.orders) })),
    orderLatency: orderLatency.rows.map((r) => ({
      hour: r.hour.toISOString(),
      p50: round(r.p50),
      p95: round(r.p95),
    })),
    stockLatency: stockLatency.rows.map((r) => ({
      hour: r.hour.toISOString(),
      p50: round(r.p50),
      p95: round(r.p95),
    })),
    callsPerMinute: calls.rows.map((r) => ({ minute: r.minute.toISOString(), calls: Number(r.calls) })),
    failuresPerStep: failures.rows.map((r) => ({
      step: r.step,
      failures: Number(r.failures),
      runs: Number(r.runs),
    })),
  };
}
