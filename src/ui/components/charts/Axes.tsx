import type { Plot } from '../../lib/chart-scale.ts';

interface Props {
  plot: Plot;
  /** Gridlines: value and where it is drawn (px from the top). */
  yTicks: { y: number; label: string }[];
  /** Labels under the plot: centre x (px) and text. */
  xTicks: { x: number; label: string }[];
}

/** Light horizontal gridlines with their values on the left, time labels below. */
export function Axes({ plot, yTicks, xTicks }: Props) {
  return (
    <g className="chart-axes" aria-hidden="true">
      {yTicks.map((tick) => (
        <g key={`y${tick.label}`}>
          <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} className="chart-gridline" />
          <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <text key={`x${tick.x}`} x={tick.x} y={plot.bottom + 16} textAnchor="middle">
          {tick.label}
        </text>
      ))}
    </g>
  );
}
