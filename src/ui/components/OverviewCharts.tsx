import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { STEPS, type Charts, type LatencyPoint } from '../dashboard-types.ts';
import { timeBuckets, type Bucket } from '../lib/chart-scale.ts';
import { formatCount, formatSeconds } from '../lib/format.ts';
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

/** Median and 95th percentile as the words' values: "half … within 2 s, almost all within 7 s". */
const seconds = (value: Percentiles) => ({ p50: formatSeconds(value.p50), p95: formatSeconds(value.p95) });

function LatencyHeadline({ value, t }: { value: Percentiles | undefined; t: TFunction<'overview'> }) {
  return value ? (
    <>
      <span className="headline-p50">{formatSeconds(value.p50)}</span>
      <span className="headline-unit">{t('charts.half')}</span>
      <span className="headline-p95">{formatSeconds(value.p95)}</span>
      <span className="headline-unit">{t('charts.almostAll')}</span>
    </>
  ) : (
    '–'
  );
}

function LatencyLegend({ t }: { t: TFunction<'overview'> }) {
  return (
    <>
      <span className="legend-p50">{t('charts.legendHalf')}</span>
      <span className="legend-p95">{t('charts.legendAlmostAll')}</span>
    </>
  );
}

/** The Overview's charts: orders, how fast they and stock changes arrive, failures per step (API calls: Runs). */
export function OverviewCharts({ charts, now, marketplace, erp }: Props) {
  const { t } = useTranslation('overview');
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
        title={t('charts.ordersTitle')}
        headline={formatCount(ordersTotal)}
        caption={t('charts.ordersCaption', { count: ordersTotal })}
      >
        <TimeBarChart
          buckets={orders}
          label={t('charts.ordersLabel', { n: formatCount(ordersTotal) })}
          xLabel={hourLabel}
          barTitle={(at, v) => t('charts.ordersBar', { time: clockTime(at), count: v, n: formatCount(v) })}
        />
      </ChartCard>
      <ChartCard
        title={t('charts.ordersReaching', { erp })}
        headline={<LatencyHeadline value={lastOrderLatency} t={t} />}
        caption={
          lastOrderLatency
            ? t('charts.orderWords', { marketplace, erp, ...seconds(lastOrderLatency) })
            : t('charts.orderNone', { marketplace, erp })
        }
        legend={<LatencyLegend t={t} />}
      >
        <LatencyChart
          buckets={orderLatency}
          label={`${t('charts.reachLabel', { target: erp })} ${lastOrderLatency ? t('charts.reachLatest', seconds(lastOrderLatency)) : t('charts.noOrders')}`}
          xLabel={hourLabel}
          pointTitle={(at, v) => t('charts.point', { time: clockTime(at), ...seconds(v) })}
        />
      </ChartCard>
      <ChartCard
        title={t('charts.stockReaching', { marketplace })}
        headline={<LatencyHeadline value={lastStockLatency} t={t} />}
        caption={
          lastStockLatency
            ? t('charts.stockWords', { marketplace, erp, ...seconds(lastStockLatency) })
            : t('charts.stockNone', { marketplace, erp })
        }
        legend={<LatencyLegend t={t} />}
      >
        <LatencyChart
          buckets={stockLatency}
          label={`${t('charts.reachLabel', { target: marketplace })} ${lastStockLatency ? t('charts.reachLatest', seconds(lastStockLatency)) : t('charts.noStock')}`}
          xLabel={hourLabel}
          pointTitle={(at, v) => t('charts.point', { time: clockTime(at), ...seconds(v) })}
        />
      </ChartCard>
      <ChartCard
        wide
        title={t('charts.failuresTitle')}
        headline={formatCount(failed)}
        caption={t('charts.failuresCaption', { count: runs, n: formatCount(runs) })}
      >
        <StepFailuresChart
          rows={failures}
          label={failures
            .map((f) =>
              t('charts.failuresRow', {
                step: f.name,
                failed: formatCount(f.failures),
                count: f.runs,
                n: formatCount(f.runs),
              }),
            )
            .join('; ')}
        />
      </ChartCard>
    </div>
  );
}
