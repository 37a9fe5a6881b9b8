import { useTranslation } from 'react-i18next';
import { formatCount } from '../lib/format.ts';

/** "kaufland POST /units/bulk" → Kaufland, "POST /units/bulk": the system first, then what was asked of it. */
function split(key: string): { system: string; endpoint: string } {
  const space = key.indexOf(' ');
  const system = space > 0 ? key.slice(0, space) : key;
  return {
    system: `${system[0]?.toUpperCase() ?? ''}${system.slice(1)}`,
    endpoint: space > 0 ? key.slice(space + 1) : '–',
  };
}

/** One run's API calls per system and endpoint, the busiest first. Only counts are recorded per call. */
export function RunCalls({ calls }: { calls: Record<string, number> }) {
  const { t } = useTranslation('runs');
  const rows = Object.entries(calls)
    .map(([key, count]) => ({ ...split(key), count }))
    .sort(
      (a, b) => b.count - a.count || a.system.localeCompare(b.system) || a.endpoint.localeCompare(b.endpoint),
    );
  if (rows.length === 0) return <p className="empty empty-flush">{t('callsTable.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table run-calls">
        <thead>
          <tr>
            <th scope="col">{t('callsTable.system')}</th>
            <th scope="col">{t('callsTable.endpoint')}</th>
            <th scope="col" className="num">
              {t('callsTable.calls')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.system} ${row.endpoint}`}>
              <td data-label={t('callsTable.system')}>{row.system}</td>
              <th scope="row" data-label={t('callsTable.endpoint')} className="mono">
                {row.endpoint}
              </th>
              <td data-label={t('callsTable.calls')} className="num">
                {formatCount(row.count)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
