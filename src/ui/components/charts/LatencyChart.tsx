import { linearTicks, niceCeiling, plotArea, type Bucket } from '../../lib/chart-scale.ts';
import { formatSeconds } from '../../lib/format.ts';
import { Axes } from './Axes.tsx';
import { ChartFrame } from './ChartFrame.tsx';

export interface Percentiles {
  p50: number;
  p95: number;
}

interface Props {
  buckets: Bucket<Percentiles>[];
  label: string;
  xLabel: (t: number, index: number) => string | undefined;
  pointTitle: (t: number, value: Percentiles) => string;
  height?: number;
}

const SERIES = [
  { key: 'p50', className: 'chart-line-p50' },
  { key: 'p95', className: 'chart-line-p95' },
] as const;

/** p50 and p95 per bucket as two lines; an hour without data breaks the line instead of bridging it. */
export function LatencyChart({ buckets, label, xLabel, pointTitle, height = 180 }: Props) {
  const top = Math.max(...buckets.map((b) => b.value?.p95 ?? 0), 1);
  const domain = niceCeiling(top * 1.15);
  const lastIndex = buckets.findLastIndex((b) => b.value !== undefined);
  return (
    <ChartFrame height={height} label={label}>
      {(width) => {
        const plot = plotArea(width, height, 52);
        const slot = plot.width / buckets.length;
        const x = (i: number) => plot.left + slot * (i + 0.5);
        const y = (v: number) => plot.bottom - (v / domain) * plot.height;
        return (
          <>
            <Axes
              plot={plot}
              yTicks={linearTicks(domain).map((v) => ({ y: y(v), label: formatSeconds(v) }))}
              xTicks={buckets.flatMap((b, i) => {
                const text = xLabel(b.t, i);
                return text === undefined ? [] : [{ x: x(i), label: text }];
              })}
            />
            <line
              x1={plot.left}
              x2={plot.right}
              y1={plot.bottom}
              y2={plot.bottom}
              className="chart-baseline"
            />
            {buckets.map((b, i) =>
              b.value ? (
                <line
                  key={`range${b.t}`}
                  className="chart-range"
                  x1={x(i)}
                  x2={x(i)}
                  y1={y(b.value.p50)}
                  y2={y(b.value.p95)}
                />
              ) : null,
            )}
            {SERIES.map((series) => (
              <g key={series.key} className={series.className}>
                {segments(buckets).map((run) => (
                  <polyline
                    key={run[0]}
                    points={run.map((i) => `${x(i)},${y(buckets[i]?.value?.[series.key] ?? 0)}`).join(' ')}
                  />
                ))}
                {buckets.map((b, i) =>
                  b.value ? (
                    <circle key={b.t} cx={x(i)} cy={y(b.value[series.key])} r={3.5}>
                      <title>{pointTitle(b.t, b.value)}</title>
                    </circle>
                  ) : null,
                )}
              </g>
            ))}
            {lastIndex >= 0 && <LatestLabels x={x(lastIndex) - 10} y={y} value={buckets[lastIndex]?.value} />}
          </>
        );
      }}
    </ChartFrame>
  );
}

/** The newest values written beside their points, so the trend's end needs no hovering. */
function LatestLabels({
  x,
  y,
  value,
}: {
  x: number;
  y: (v: number) => number;
  value: Percentiles | undefined;
}) {
  if (!value) return null;
  // Two labels closer than a line of text would overlap: push them apart around their middle.
  const gap = Math.max(0, 14 - (y(value.p50) - y(value.p95)));
  return (
    <g className="chart-latest" aria-hidden="true">
      <text x={x} y={y(value.p95) - gap / 2} dy="0.32em" textAnchor="end" className="chart-latest-p95">
        {formatSeconds(value.p95)}
      </text>
      <text x={x} y={y(value.p50) + gap / 2} dy="0.32em" textAnchor="end" className="chart-latest-p50">
        {formatSeconds(value.p50)}
      </text>
    </g>
  );
}

/** Indexes of consecutive buckets with data: [[3, 4, 5], [8]]. */
function segments(buckets: Bucket<Percentiles>[]): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  buckets.forEach((b, i) => {
    if (b.value) current.push(i);
    else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  });
  if (current.length > 0) runs.push(current);
  return runs.filter((run) => run.length > 1);
}
