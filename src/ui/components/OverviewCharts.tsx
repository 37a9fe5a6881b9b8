import { STEPS, type Charts, type LatencyPoint } from '../dashboard-types.ts';
import { timeBuckets, type Bucket } from '../lib/chart-scale.ts';
import { formatCount, formatSeconds, plural } from '../lib/format.ts';
import { stepName } from '../lib/labels.ts';
import { clockTime } from '../lib/time.ts';
import { ChartCard } from './charts/ChartCard.tsx';
import { LatencyChart, type Percentiles } from './charts/LatencyChart.tsx';
import { StepFailuresChart } from './charts/StepFailuresChart.tsx';
import { TimeBarChart } from './charts/TimeBarChart.tsx';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Kaufland allows 111 requests per second per seller: 6,660 a minute. */
const KAUFLAND_PER_MINUTE = 111 * 60;

interface Props {
  charts: Charts;
  now: number;
  marketplace: string;
  erp: string;
}

/** Every 6th hour and the current one labelled: 24 labels would not fit on a phone. */
const hourLabel = (t: number, i: number) => (i % 6 === 5 ? clockTime(t) : undefined);
const minuteLabel = (t: number, i: number) => (i % 15 === 14 ? clockTime(t) : undefined);

function latest(buckets: Bucket<Percentiles>[]): Percentiles | undefined {
  return buckets.findLast((b) => b.value !== undefined)?.value;
}

/** "0 %", "0.4 %", "14 %". */
function shareOfLimit(calls: number): string {
  const percent = (calls / KAUFLAND_PER_MINUTE) * 100;
  return `${percent === 0 || percent >= 10 ? Math.round(percent) : percent.toFixed(1)} %`;
}

function latencyBuckets(points: LatencyPoint[], now: number): Bucket<Percentiles>[] {
  return timeBuckets(
    points,
    (p) => p.hour,
    (p) => ({ p50: p.p50, p95: p.p95 }),
    HOUR,
    24,
    now,
  );
}

function LatencyHeadline({ value }: { value: Percentiles | undefined }) {
  return value ? (
    <>
      <span className="headline-p50">{formatSeconds(value.p50)}</span>
      <span className="headline-unit">p50</span>
      <span className="headline-p95">{formatSeconds(value.p95)}</span>
      <span className="headline-unit">p95</span>
    </>
  ) : (
    '–'
  );
}

const latencyLegend = (
  <>
    <span className="legend-p50">p50 (half of them faster)</span>
    <span className="legend-p95">p95 (all but the slowest 5 %)</span>
  </>
);

/** The Overview's charts: orders, latencies, marketplace calls against the limit, failures per step. */
export function OverviewCharts({ charts, now, marketplace, erp }: Props) {
  const orders = timeBuckets(
    charts.ordersPerHour,
    (p) => p.hour,
    (p) => p.orders,
    HOUR,
    24,
    now,
  );
  const ordersTotal = orders.reduce((sum, b) => sum + (b.value ?? 0), 0);
  const calls = timeBuckets(
    charts.callsPerMinute,
    (p) => p.minute,
    (p) => p.calls,
    MINUTE,
    60,
    now,
  );
  const peakCalls = Math.max(0, ...calls.map((b) => b.value ?? 0));
  const orderLatency = latencyBuckets(charts.orderLatency, now);
  const stockLatency = latencyBuckets(charts.stockLatency, now);
  const failures = STEPS.map((step) => {
    const row = charts.failuresPerStep.find((f) => f.step === step);
    return { name: stepName(step), runs: row?.runs ?? 0, failures: row?.failures ?? 0 };
  });
  const failed = failures.reduce((sum, f) => sum + f.failures, 0);
  const runs = failures.reduce((sum, f) => sum + f.runs, 0);
  const lastOrderLatency = latest(orderLatency);
  const lastStockLatency = latest(stockLatency);

  return (
    <div className="chart-grid">
      <ChartCard
        title="Orders imported per hour"
        headline={formatCount(ordersTotal)}
        caption={`${ordersTotal === 1 ? 'order' : 'orders'} in the last 24 hours`}
      >
        <TimeBarChart
          buckets={orders}
          label={`Orders imported per hour over the last 24 hours: ${ordersTotal} in all.`}
          xLabel={hourLabel}
          barTitle={(t, v) => `${clockTime(t)}: ${plural(v, 'order', 'orders')}`}
        />
      </ChartCard>
      <ChartCard
        title={`${marketplace} calls per minute`}
        headline={formatCount(peakCalls)}
        caption={`at the busiest minute of the last hour, ${shareOfLimit(peakCalls)} of the limit`}
        legend={<span className="legend-limit">Limit 111/s = 6,660/min (log scale)</span>}
      >
        <TimeBarChart
          buckets={calls}
          log
          label={`${marketplace} API calls per minute over the last hour, at most ${peakCalls}, against the limit of 6,660 a minute.`}
          xLabel={minuteLabel}
          barTitle={(t, v) => `${clockTime(t)}: ${plural(v, 'call', 'calls')}`}
          limit={{ value: KAUFLAND_PER_MINUTE, label: '6,660/min limit' }}
        />
      </ChartCard>
      <ChartCard
        title="Order latency"
        headline={<LatencyHeadline value={lastOrderLatency} />}
        caption={`from placed on ${marketplace} to sale order in ${erp}, latest hour`}
        legend={latencyLegend}
      >
        <LatencyChart
          buckets={orderLatency}
          label={`Order latency per hour, p50 and p95, over the last 24 hours.${lastOrderLatency ? ` Latest: p50 ${formatSeconds(lastOrderLatency.p50)}, p95 ${formatSeconds(lastOrderLatency.p95)}.` : ' No orders yet.'}`}
          xLabel={hourLabel}
          pointTitle={(t, v) => `${clockTime(t)}: p50 ${formatSeconds(v.p50)}, p95 ${formatSeconds(v.p95)}`}
        />
      </ChartCard>
      <ChartCard
        title="Stock latency"
        headline={<LatencyHeadline value={lastStockLatency} />}
        caption={`from a change in ${erp} to ${marketplace} confirming it, latest hour`}
        legend={latencyLegend}
      >
        <LatencyChart
          buckets={stockLatency}
          label={`Stock latency per hour, p50 and p95, over the last 24 hours.${lastStockLatency ? ` Latest: p50 ${formatSeconds(lastStockLatency.p50)}, p95 ${formatSeconds(lastStockLatency.p95)}.` : ' No stock changes yet.'}`}
          xLabel={hourLabel}
          pointTitle={(t, v) => `${clockTime(t)}: p50 ${formatSeconds(v.p50)}, p95 ${formatSeconds(v.p95)}`}
        />
      </ChartCard>
      <ChartCard
        wide
        title="Failures per step"
        headline={formatCount(failed)}
        caption={`failed of ${plural(runs, 'run', 'runs')} in the last 48 hours`}
      >
        <StepFailuresChart
          rows={failures}
          label={failures.map((f) => `${f.name}: ${f.failures} failed of ${f.runs} runs`).join('; ')}
        />
      </ChartCard>
    </div>
  );
}
