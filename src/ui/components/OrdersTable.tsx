import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../dashboard-types.ts';
import { ORDER_STATES } from '../lib/labels.ts';
import { formatMoney } from '../lib/money.ts';
import { absoluteTime, timeAgo } from '../lib/time.ts';
import { Link } from './Link.tsx';
import { Pill } from './Pill.tsx';
import { holdReasonText } from '../lib/issue-catalog.ts';

interface Props {
  orders: OrderRow[];
  showAccount: boolean;
  now: number;
}

export function OrdersTable({ orders, showAccount, now }: Props) {
  const { t } = useTranslation('orders');
  return (
    <div className="table-wrap">
      <table className="data-table orders-table">
        <thead>
          <tr>
            <th scope="col">{t('col.order')}</th>
            {showAccount && <th scope="col">{t('col.account')}</th>}
            <th scope="col">{t('col.storefront')}</th>
            <th scope="col">{t('col.buyer')}</th>
            <th scope="col" className="num">
              {t('col.total')}
            </th>
            <th scope="col" className="num">
              {t('col.units')}
            </th>
            <th scope="col">{t('col.erpOrder')}</th>
            <th scope="col">{t('col.state')}</th>
            <th scope="col">{t('col.placed')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <th scope="row" data-label={t('col.order')}>
                <Link to={`/orders/${order.id}`} className="mono order-link">
                  {order.marketplaceOrderId}
                </Link>
              </th>
              {showAccount && <td data-label={t('col.account')}>{order.accountName}</td>}
              <td data-label={t('col.storefront')}>
                <span className="chip">{order.channel.toUpperCase()}</span>
              </td>
              <td data-label={t('col.buyer')}>
                {order.buyer ?? <span className="muted">{t('notReleased')}</span>}
              </td>
              <td data-label={t('col.total')} className="num">
                {formatMoney(order.totalMinor, order.currency)}
              </td>
              <td data-label={t('col.units')} className="num">
                {order.units}
              </td>
              <td data-label={t('col.erpOrder')} className="mono">
                {order.erpOrderName ?? <span className="muted">–</span>}
              </td>
              <td data-label={t('col.state')}>
                <Pill tone={ORDER_STATES[order.state].tone}>{ORDER_STATES[order.state].label}</Pill>
                {order.holdReason && order.state === 'held' && (
                  <span className="cell-note">{holdReasonText(order)}</span>
                )}
              </td>
              <td data-label={t('col.placed')}>
                <time dateTime={order.marketplaceCreatedAt} title={absoluteTime(order.marketplaceCreatedAt)}>
                  {timeAgo(order.marketplaceCreatedAt, now)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
