import type { Address, OrderDetail } from '../dashboard-types.ts';
import { ORDER_STATES } from '../lib/labels.ts';
import { formatMoney } from '../lib/money.ts';
import { Pill } from './Pill.tsx';

function addressLines(address: Address | null): string[] {
  if (!address) return [];
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  return [
    name,
    address.company ?? '',
    [address.street, address.houseNumber].filter(Boolean).join(' '),
    [address.postcode, address.city].filter(Boolean).join(' '),
    address.country ?? '',
  ].filter((line) => line.trim() !== '');
}

/** Who bought what for how much, and the ERP's name for it. */
export function OrderFacts({ detail }: { detail: OrderDetail }) {
  const { order } = detail;
  const shipTo = addressLines(order.shippingAddress);
  return (
    <dl className="facts facts-stacked">
      <div>
        <dt>State</dt>
        <dd>
          <Pill tone={ORDER_STATES[order.state].tone}>{ORDER_STATES[order.state].label}</Pill>
        </dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd className="fact-strong">{formatMoney(order.totalMinor, order.currency)}</dd>
      </div>
      <div>
        <dt>ERP sale order</dt>
        <dd>
          {order.erpOrderName ? (
            <span className="mono">{order.erpOrderName}</span>
          ) : (
            <span className="muted">Not created yet</span>
          )}
        </dd>
      </div>
      {order.erpTotalMinor !== null && order.erpCurrency !== null && (
        <div>
          <dt>Total in the ERP</dt>
          <dd>
            {/* The sale order's own amounts, in its currency: equal to the buyer's total when all is well. */}
            {formatMoney(order.erpTotalMinor, order.erpCurrency)}
            {order.erpTaxMinor !== null && (
              <span className="muted"> incl. VAT {formatMoney(order.erpTaxMinor, order.erpCurrency)}</span>
            )}{' '}
            {order.erpTotalMinor === order.totalMinor && order.erpCurrency === order.currency ? (
              <Pill tone="ok">matches</Pill>
            ) : (
              <Pill tone="warn">differs</Pill>
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>Account</dt>
        <dd>
          {order.accountName} · {order.channel.toUpperCase()}
        </dd>
      </div>
      <div>
        <dt>Ship to</dt>
        <dd>
          {shipTo.length > 0 ? (
            <address className="address">
              {shipTo.map((line) => (
                <span key={line}>{line}</span>
              ))}
            </address>
          ) : (
            <span className="muted">Not released by the marketplace yet</span>
          )}
        </dd>
      </div>
      {order.buyer?.email && (
        <div>
          <dt>Buyer e-mail</dt>
          <dd className="mono">{order.buyer.email}</dd>
        </div>
      )}
    </dl>
  );
}
