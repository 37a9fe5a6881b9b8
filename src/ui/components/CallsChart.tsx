import type { Charts } from '../dashboard-types.ts';
import { timeBuckets } from '../lib/chart-scale.ts';
import { formatCount, plural } from '../lib/format.ts';
import { clockTime } from '../lib/time.ts';
import { ChartCard } from './charts/ChartCard.tsx';
import { TimeBarChart } from './charts/TimeBarChart.tsx';

const MINUTE = 60_000;
/** Kaufland allows 111 requests per second per seller: 6,660 a minute. */
const KAUFLAND_PER_MINUTE = 111 * 60;

const minuteLabel = (t: number, i: number) => (i % 15 === 14 ? clockTime(t) : undefined);

/** "0 %", "0.4 %", "14 %". */
function shareOfLimit(calls: number): string {
  const percent = (calls / KAUFLAND_PER_MINUTE) * 100;
  return `${percent === 0 || percent >= 10 ? Math.round(percent) : percent.toFixed(1)} %`;
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
  );
}
