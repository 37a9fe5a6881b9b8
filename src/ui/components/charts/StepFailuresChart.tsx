import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.ts';
import { ChartFrame } from './ChartFrame.tsx';

interface Row {
  name: string;
  runs: number;
  failures: number;
}

const ROW = 30;
const LABEL = 118;
const COUNT = 132;

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
        const track = Math.max(40, width - LABEL - COUNT);
        return rows.map((row, i) => {
          const y = i * ROW + 6;
          const share = row.runs > 0 ? row.failures / row.runs : 0;
          return (
            <g key={row.name} className="chart-hbar">
              <text x={0} y={y + 9} dy="0.32em" className="chart-hbar-label">
                {row.name}
              </text>
              <rect x={LABEL} y={y} width={track} height={18} rx={4} className="chart-track" />
              {row.failures > 0 && (
                <rect
                  x={LABEL}
                  y={y}
                  width={Math.max(4, track * share)}
                  height={18}
                  rx={4}
                  className="chart-failures"
                />
              )}
              <text x={LABEL + track + 10} y={y + 9} dy="0.32em">
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
