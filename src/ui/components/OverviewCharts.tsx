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

interface Props {
  charts: Charts;
  now: number;
  marketplace: string;
  erp: string;
}

/** Every 6th hour and the current one labelled: 24 labels would not fit on a phone. */
const hourLabel = (t: number, i: number) => (i % 6 === 5 ? clockTime(t) : undefined);

function latest(buckets: Bucket<Percentiles>[]): Percentiles | undefined {
  return buckets.findLast((b) => b.value !== undefined)?.value;
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

/** "half of the orders reached Odoo within 2 s, almost all within 7 s": median and 95th percentile in words. */
function latencyWords(value: Percentiles, what: string, reached: string): string {
  return `half of the ${what} reached ${reached} within ${formatSeconds(value.p50)}, almost all within ${formatSeconds(value.p95)}`;
}

function LatencyHeadline({ value }: { value: Percentiles | undefined }) {
  return value ? (
    <>
      <span className="headline-p50">{formatSeconds(value.p50)}</span>
      <span className="headline-unit">half</span>
      <span className="headline-p95">{formatSeconds(value.p95)}</span>
      <span className="headline-unit">almost all</span>
    </>
  ) : (
    '–'
  );
}

const latencyLegend = (
  <>
    <span className="legend-p50">half of them within</span>
    <span className="legend-p95">almost all (19 of 20) within</span>
  </>
);

/** The Overview's charts: orders, how fast they and stock changes arrive, failures per step (API calls: Runs). */
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
        title={`Orders reaching ${erp}`}
        headline={<LatencyHeadline value={lastOrderLatency} />}
        caption={
          lastOrderLatency
            ? `In the latest hour ${latencyWords(lastOrderLatency, `orders from ${marketplace}`, erp)}.`
            : `from placed on ${marketplace} to sale order in ${erp}, latest hour`
        }
        legend={latencyLegend}
      >
        <LatencyChart
          buckets={orderLatency}
          label={`Time to reach ${erp} per hour over the last 24 hours.${lastOrderLatency ? ` Latest hour: ${latencyWords(lastOrderLatency, 'orders', erp)}.` : ' No orders yet.'}`}
          xLabel={hourLabel}
          pointTitle={(t, v) =>
            `${clockTime(t)}: half within ${formatSeconds(v.p50)}, almost all within ${formatSeconds(v.p95)}`
          }
        />
      </ChartCard>
      <ChartCard
        title={`Stock reaching ${marketplace}`}
        headline={<LatencyHeadline value={lastStockLatency} />}
        caption={
          lastStockLatency
            ? `In the latest hour ${latencyWords(lastStockLatency, `stock changes in ${erp}`, marketplace)}.`
            : `from a change in ${erp} to ${marketplace} confirming it, latest hour`
        }
        legend={latencyLegend}
      >
        <LatencyChart
          buckets={stockLatency}
          label={`Time to reach ${marketplace} per hour over the last 24 hours.${lastStockLatency ? ` Latest hour: ${latencyWords(lastStockLatency, 'stock changes', marketplace)}.` : ' No stock changes yet.'}`}
          xLabel={hourLabel}
          pointTitle={(t, v) =>
            `${clockTime(t)}: half within ${formatSeconds(v.p50)}, almost all within ${formatSeconds(v.p95)}`
          }
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
