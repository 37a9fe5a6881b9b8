import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.ts';
import { ChartFrame } from './ChartFrame.tsx';

interface Row {
  name: string;
  runs: number;
  failures: number;
}

const ROW = 30;
const COUNT = 132;

/** Room for the longest step name (German ones run longer: "Angebote & Bestand"), at least 118 px. */
const labelWidth = (rows: Row[]) => Math.max(118, ...rows.map((row) => row.name.length * 7.5 + 18));

/**
 * One bar per step: the share of its runs that failed, red on a light track, with the numbers beside it.
 * Share rather than count: the orders step runs far more often than the catalog step.
 */
export function StepFailuresChart({ rows, label }: { rows: Row[]; label: string }) {
  const { t } = useTranslation('overview');
  const height = rows.length * ROW + 4;
  return (
    <ChartFrame height={height} label={label}>
      {(width) => {
        const labelX = labelWidth(rows);
        const track = Math.max(40, width - labelX - COUNT);
        return rows.map((row, i) => {
          const y = i * ROW + 6;
          const share = row.runs > 0 ? row.failures / row.runs : 0;
          return (
            <g key={row.name} className="chart-hbar">
              <text x={0} y={y + 9} dy="0.32em" className="chart-hbar-label">
                {row.name}
              </text>
              <rect x={labelX} y={y} width={track} height={18} rx={4} className="chart-track" />
              {row.failures > 0 && (
                <rect
                  x={labelX}
                  y={y}
                  width={Math.max(4, track * share)}
                  height={18}
                  rx={4}
                  className="chart-failures"
                />
              )}
              <text x={labelX + track + 10} y={y + 9} dy="0.32em">
                {row.runs === 0
                  ? t('charts.noRuns')
                  : t('charts.failedOf', {
                      failed: formatCount(row.failures),
                      count: row.runs,
                      n: formatCount(row.runs),
                    })}
              </text>
              <title>
                {t('charts.failuresRow', {
                  step: row.name,
                  failed: formatCount(row.failures),
                  count: row.runs,
                  n: formatCount(row.runs),
                })}
              </title>
            </g>
          );
        });
      }}
    </ChartFrame>
  );
}
