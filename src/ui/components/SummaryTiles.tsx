import type { Overview } from '../dashboard-types.ts';
import { formatCount, plural } from '../lib/format.ts';
import { systemName } from '../lib/labels.ts';
import { Link } from './Link.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** The four things to check first: the ERP connection, the accounts, open issues, today's orders. */
export function SummaryTiles({ overview }: { overview: Overview }) {
  const { erp, accounts, openIssues, attentionIssues, charts } = overview;
  const connected = accounts.filter((a) => a.status === 'connected').length;
  const orders = charts.ordersPerHour
    .filter((p) => Date.parse(p.hour) > Date.now() - 24 * 3_600_000)
    .reduce((sum, p) => sum + p.orders, 0);
  return (
    <ul className="tiles" aria-label="Summary">
      <li className="card tile">
        <p className="tile-label">ERP</p>
        {erp ? (
          <>
            <p className="tile-value tile-value-text">{systemName(erp.type, erp.type)}</p>
            <StatusBadge status={erp.status} />
          </>
        ) : (
          <>
            <p className="tile-value tile-value-text">Not connected</p>
            <Link to="/erp">Connect your ERP</Link>
          </>
        )}
      </li>
      <li className="card tile">
        <p className="tile-label">Accounts</p>
        <p className="tile-value">
          {connected}
          <span className="tile-of"> of {accounts.length}</span>
        </p>
        <p className="tile-note">connected</p>
      </li>
      <li
        className={
          attentionIssues > 0 ? 'card tile tile-bad' : openIssues > 0 ? 'card tile tile-warn' : 'card tile'
        }
      >
        <p className="tile-label">Open issues</p>
        <p className="tile-value">{formatCount(openIssues)}</p>
        <p className="tile-note">
          {attentionIssues > 0 ? (
            <Link to="/issues">
              {attentionIssues === 1 ? '1 stops syncing' : `${formatCount(attentionIssues)} stop syncing`} —
              see what needs you
            </Link>
          ) : openIssues > 0 ? (
            <Link to="/issues">See what needs you</Link>
          ) : (
            'Nothing needs you'
          )}
        </p>
      </li>
      <li className="card tile">
        <p className="tile-label">Orders</p>
        <p className="tile-value">{formatCount(orders)}</p>
        <p className="tile-note">
          <Link to="/orders">{plural(orders, 'order', 'orders')} in 24 h</Link>
        </p>
      </li>
    </ul>
  );
}
