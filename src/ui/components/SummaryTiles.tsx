import { useTranslation } from 'react-i18next';
import type { Overview } from '../dashboard-types.ts';
import { formatCount } from '../lib/format.ts';
import { systemName } from '../lib/labels.ts';
import { Link } from './Link.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** The four things to check first: the ERP connection, the accounts, open issues, today's orders. */
export function SummaryTiles({ overview }: { overview: Overview }) {
  const { t } = useTranslation('overview');
  const { erp, accounts, openIssues, attentionIssues, charts } = overview;
  const connected = accounts.filter((a) => a.status === 'connected').length;
  const orders = charts.ordersPerHour
    .filter((p) => Date.parse(p.hour) > Date.now() - 24 * 3_600_000)
    .reduce((sum, p) => sum + p.orders, 0);
  return (
    <ul className="tiles" aria-label={t('tiles.label')}>
      <li className="card tile">
        <p className="tile-label">{t('tiles.erp')}</p>
        {erp ? (
          <>
            <p className="tile-value tile-value-text">{systemName(erp.type, erp.type)}</p>
            <StatusBadge status={erp.status} />
          </>
        ) : (
          <>
            <p className="tile-value tile-value-text">{t('tiles.notConnected')}</p>
            <Link to="/erp">{t('tiles.connectErp')}</Link>
          </>
        )}
      </li>
      <li className="card tile">
        <p className="tile-label">{t('tiles.accounts')}</p>
        <p className="tile-value">
          {connected}
          <span className="tile-of">{t('tiles.of', { total: accounts.length })}</span>
        </p>
        <p className="tile-note">{t('tiles.connected')}</p>
      </li>
      <li
        className={
          attentionIssues > 0 ? 'card tile tile-bad' : openIssues > 0 ? 'card tile tile-warn' : 'card tile'
        }
      >
        <p className="tile-label">{t('tiles.openIssues')}</p>
        <p className="tile-value">{formatCount(openIssues)}</p>
        <p className="tile-note">
          {attentionIssues > 0 ? (
            <Link to="/issues">
              {t('tiles.stopSyncing', { count: attentionIssues, n: formatCount(attentionIssues) })}
            </Link>
          ) : openIssues > 0 ? (
            <Link to="/issues">{t('tiles.seeIssues')}</Link>
          ) : (
            t('tiles.nothing')
          )}
        </p>
      </li>
      <li className="card tile">
        <p className="tile-label">{t('tiles.orders')}</p>
        <p className="tile-value">{formatCount(orders)}</p>
        <p className="tile-note">
          <Link to="/orders">{t('tiles.ordersDay', { count: orders, n: formatCount(orders) })}</Link>
        </p>
      </li>
    </ul>
  );
}
