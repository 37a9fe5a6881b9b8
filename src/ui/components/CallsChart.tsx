import { useTranslation } from 'react-i18next';
import type { Charts } from '../dashboard-types.ts';
import { timeBuckets } from '../lib/chart-scale.ts';
import { formatCount, formatDecimal } from '../lib/format.ts';
import { clockTime } from '../lib/time.ts';
import { ChartCard } from './charts/ChartCard.tsx';
import { TimeBarChart } from './charts/TimeBarChart.tsx';

const MINUTE = 60_000;
/** Kaufland allows 111 requests per second per seller: 6,660 a minute. */
const KAUFLAND_PER_MINUTE = 111 * 60;

const minuteLabel = (t: number, i: number) => (i % 15 === 14 ? clockTime(t) : undefined);

/** "0 %", "0.4 %" ("0,4 %"), "14 %". */
function shareOfLimit(calls: number): string {
  const percent = (calls / KAUFLAND_PER_MINUTE) * 100;
  return `${formatDecimal(percent, percent === 0 || percent >= 10 ? 0 : 1)} %`;
}

/**
 * The marketplace's API calls per minute against its limit, on a log scale. It sits on the Runs page, next to
 * the runs that made the calls: a technical view the home page does not need.
 */
export function CallsChart({
  calls: points,
  now,
  marketplace,
}: {
  calls: Charts['callsPerMinute'];
  now: number;
  marketplace: string;
}) {
  const { t } = useTranslation('runs');
  const perMinute = formatCount(KAUFLAND_PER_MINUTE);
  const calls = timeBuckets(
    points,
    (p) => p.minute,
    (p) => p.calls,
    MINUTE,
    60,
    now,
  );
  const peakCalls = Math.max(0, ...calls.map((b) => b.value ?? 0));
  return (
    <ChartCard
      title={t('chart.title', { marketplace })}
      headline={formatCount(peakCalls)}
      caption={t('chart.caption', { share: shareOfLimit(peakCalls) })}
      legend={<span className="legend-limit">{t('chart.legend', { perMinute })}</span>}
    >
      <TimeBarChart
        buckets={calls}
        log
        label={t('chart.label', { marketplace, peak: formatCount(peakCalls), perMinute })}
        xLabel={minuteLabel}
        barTitle={(time, v) => t('chart.bar', { time: clockTime(time), count: v, n: formatCount(v) })}
        limit={{ value: KAUFLAND_PER_MINUTE, label: t('chart.limit', { perMinute }) }}
      />
    </ChartCard>
  );
}
