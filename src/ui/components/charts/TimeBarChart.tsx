import { linearTicks, niceCeiling, plotArea, type Bucket } from '../../lib/chart-scale.ts';
import { formatCount } from '../../lib/format.ts';
import { Axes } from './Axes.tsx';
import { ChartFrame } from './ChartFrame.tsx';

interface Props {
  buckets: Bucket<number>[];
  label: string;
  /** Text under the n-th bar, or undefined for none. */
  xLabel: (t: number, index: number) => string | undefined;
  /** Tooltip of one bar, e.g. "14:00 – 12 orders". */
  barTitle: (t: number, value: number) => string;
  /** A line to stay below (Kaufland's rate limit). */
  limit?: { value: number; label: string };
  /** Log scale: a limit 1,000 times the usual value still leaves the usual bars visible. */
  log?: boolean;
  height?: number;
}

/** Bars over time; empty buckets stay empty. */
export function TimeBarChart({ buckets, label, xLabel, barTitle, limit, log = false, height = 180 }: Props) {
  const values = buckets.map((b) => b.value ?? 0);
  const top = Math.max(...values, limit?.value ?? 0, 1);
  // At least 0–5 on a linear axis: one order must not look like a full bar.
  const domain = log ? 10 ** Math.ceil(Math.log10(top + 1)) : niceCeiling(Math.max(5, top * 1.1));
  const ticks = log ? Array.from({ length: Math.log10(domain) + 1 }, (_, i) => 10 ** i) : linearTicks(domain);
  return (
    <ChartFrame height={height} label={label}>
      {(width) => {
        const plot = plotArea(width, height);
        const y = (v: number) =>
          plot.bottom - (log ? Math.log10(1 + v) / Math.log10(1 + domain) : v / domain) * plot.height;
        const slot = plot.width / buckets.length;
        const barWidth = Math.max(1, Math.min(28, slot * 0.72));
        return (
          <>
            <Axes
              plot={plot}
              yTicks={ticks.map((v) => ({ y: y(v), label: compact(v) }))}
              xTicks={buckets.flatMap((b, i) => {
                const text = xLabel(b.t, i);
                return text === undefined ? [] : [{ x: plot.left + slot * (i + 0.5), label: text }];
              })}
            />
            {buckets.map((b, i) =>
              b.value ? (
                <rect
                  key={b.t}
                  className="chart-bar"
                  x={plot.left + slot * (i + 0.5) - barWidth / 2}
                  y={y(b.value)}
                  width={barWidth}
                  height={Math.max(1, plot.bottom - y(b.value))}
                  rx={Math.min(3, barWidth / 3)}
                >
                  <title>{barTitle(b.t, b.value)}</title>
                </rect>
              ) : null,
            )}
            <line
              x1={plot.left}
              x2={plot.right}
              y1={plot.bottom}
              y2={plot.bottom}
              className="chart-baseline"
            />
            {limit && (
              <g className="chart-limit">
                <line x1={plot.left} x2={plot.right} y1={y(limit.value)} y2={y(limit.value)} />
                <text x={plot.right} y={y(limit.value) - 5} textAnchor="end">
                  {limit.label}
                </text>
              </g>
            )}
          </>
        );
      }}
    </ChartFrame>
  );
}

/** Axis labels: 1,500 → "1.5k". */
function compact(v: number): string {
  if (v >= 1000) return `${formatCount(v / 1000)}k`;
  return formatCount(Math.round(v * 10) / 10);
}
