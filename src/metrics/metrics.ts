import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CallRecord } from '../core/ports/marketplace.port.ts';

/**
 * Prometheus metrics of this process (`GET /metrics`). With `adlerdo start` the server, worker and scheduler
 * share one process, so one scrape sees everything; a separate `adlerdo worker` keeps its own counters.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'adlerdo_process_' });

export const apiCalls = new Counter({
  name: 'adlerdo_api_calls_total',
  help: 'Calls to marketplaces and ERPs by system, endpoint and HTTP status',
  labelNames: ['system', 'endpoint', 'status'] as const,
  registers: [registry],
});

export const apiCallSeconds = new Histogram({
  name: 'adlerdo_api_call_duration_seconds',
  help: 'Duration of calls to marketplaces and ERPs',
  labelNames: ['system'] as const,
  // 10 ms … 30 s: a Kaufland call takes ~50–300 ms, an Odoo create 60–200 ms, a timeout 30 s.
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const syncRuns = new Counter({
  name: 'adlerdo_sync_runs_total',
  help: 'Sync step runs by step and outcome',
  labelNames: ['step', 'status'] as const,
  registers: [registry],
});

export const syncRunSeconds = new Histogram({
  name: 'adlerdo_sync_run_duration_seconds',
  help: 'Duration of sync step runs',
  labelNames: ['step'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [registry],
});

export const queueDepth = new Gauge({
  name: 'adlerdo_queue_depth',
  help: 'Sync jobs waiting to run',
  registers: [registry],
});

// Latency buckets from 1 s to 30 min: the targets are seconds; peers take 5–15 minutes.
const LATENCY_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800];

export const orderLatencySeconds = new Histogram({
  name: 'adlerdo_order_latency_seconds',
  help: 'From an order line being ready on the marketplace to its sale order existing in the ERP',
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const stockLatencySeconds = new Histogram({
  name: 'adlerdo_stock_latency_seconds',
  help: 'From a stock or price change seen in the ERP to the marketplace confirming it',
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export function recordCall(call: CallRecord): void {
  apiCalls.inc({
    system: call.system,
    endpoint: `${call.method} ${call.endpoint}`,
    status: String(call.status),
  });
  apiCallSeconds.observe({ system: call.system }, call.ms / 1000);
}
