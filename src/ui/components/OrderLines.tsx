import type { OrderDetail } from '../dashboard-types.ts';
import type { Tone } from '../lib/labels.ts';
import { formatMoney } from '../lib/money.ts';
import { Pill } from './Pill.tsx';

const LINE_STATUS: Record<OrderDetail['lines'][number]['status'], { label: string; tone: Tone }> = {
  open: { label: 'Open', tone: 'neutral' },
  shipped: { label: 'Shipped', tone: 'info' },
  confirmed: { label: 'Confirmed', tone: 'ok' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** One row per unit (Kaufland sells one order unit per piece). */
export function OrderLines({ detail }: { detail: OrderDetail }) {
  const { lines, order } = detail;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Units of order {order.marketplaceOrderId}</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">Status</th>
            <th scope="col">Carrier and tracking</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.lineId}>
              <th scope="row" data-label="SKU" className="mono">
                {line.sku ?? '–'}
              </th>
              <td data-label="Item">{line.title ?? <span className="muted">–</span>}</td>
              <td data-label="Price" className="num">
                {formatMoney(line.priceMinor + line.shippingMinor, order.currency)}
              </td>
              <td data-label="Status">
                <Pill tone={LINE_STATUS[line.status].tone}>{LINE_STATUS[line.status].label}</Pill>
                {line.confirmError && <span className="cell-error">{line.confirmError}</span>}
              </td>
              <td data-label="Carrier and tracking">
                {line.carrier ? (
                  <>
                    {line.carrier}
                    {line.trackingNumbers.length > 0 && (
                      <span className="cell-note mono">{line.trackingNumbers.join(', ')}</span>
                    )}
                  </>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
