import type { OrderRow } from '../dashboard-types.ts';
import { ORDER_STATES } from '../lib/labels.ts';
import { formatMoney } from '../lib/money.ts';
import { absoluteTime, timeAgo } from '../lib/time.ts';
import { Link } from './Link.tsx';
import { Pill } from './Pill.tsx';

interface Props {
  orders: OrderRow[];
  showAccount: boolean;
  now: number;
}

export function OrdersTable({ orders, showAccount, now }: Props) {
  return (
    <div className="table-wrap">
      <table className="data-table orders-table">
        <thead>
          <tr>
            <th scope="col">Order</th>
            {showAccount && <th scope="col">Account</th>}
            <th scope="col">Storefront</th>
            <th scope="col">Buyer</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col">ERP order</th>
            <th scope="col">State</th>
            <th scope="col">Placed</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <th scope="row" data-label="Order">
                <Link to={`/orders/${order.id}`} className="mono order-link">
                  {order.marketplaceOrderId}
                </Link>
              </th>
              {showAccount && <td data-label="Account">{order.accountName}</td>}
              <td data-label="Storefront">
                <span className="chip">{order.channel.toUpperCase()}</span>
              </td>
              <td data-label="Buyer">{order.buyer ?? <span className="muted">Not released yet</span>}</td>
              <td data-label="Total" className="num">
                {formatMoney(order.totalMinor, order.currency)}
              </td>
              <td data-label="Units" className="num">
                {order.units}
              </td>
              <td data-label="ERP order" className="mono">
                {order.erpOrderName ?? <span className="muted">–</span>}
              </td>
              <td data-label="State">
                <Pill tone={ORDER_STATES[order.state].tone}>{ORDER_STATES[order.state].label}</Pill>
                {order.holdReason && order.state === 'held' && (
                  <span className="cell-note">{order.holdReason}</span>
                )}
              </td>
              <td data-label="Placed">
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
