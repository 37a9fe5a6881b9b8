import { useTranslation } from 'react-i18next';
import type { AfterSale } from '../after-sale-api.ts';
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

/** Who bought what for how much, the ERP's name for it, and its documents on the marketplace. */
export function OrderFacts({
  detail,
  afterSale,
}: {
  detail: OrderDetail;
  afterSale?: AfterSale | undefined;
}) {
  const { t } = useTranslation('order');
  const { order } = detail;
  const shipTo = addressLines(order.shippingAddress);
  const documents = afterSale?.documents ?? [];
  return (
    <dl className="facts facts-stacked">
      <div>
        <dt>{t('facts.state')}</dt>
        <dd>
          <Pill tone={ORDER_STATES[order.state].tone}>{ORDER_STATES[order.state].label}</Pill>
        </dd>
      </div>
      <div>
        <dt>{t('facts.total')}</dt>
        <dd className="fact-strong">{formatMoney(order.totalMinor, order.currency)}</dd>
      </div>
      <div>
        <dt>{t('facts.erpOrder')}</dt>
        <dd>
          {order.erpOrderName ? (
            <span className="mono">{order.erpOrderName}</span>
          ) : (
            <span className="muted">{t('facts.notCreated')}</span>
          )}
        </dd>
      </div>
      {order.erpTotalMinor !== null && order.erpCurrency !== null && (
        <div>
          <dt>{t('facts.erpTotal')}</dt>
          <dd>
            {/* The sale order's own amounts, in its currency: equal to the buyer's total when all is well. */}
            {formatMoney(order.erpTotalMinor, order.erpCurrency)}
            {order.erpTaxMinor !== null && (
              <span className="muted">
                {' '}
                {t('facts.inclVat', { vat: formatMoney(order.erpTaxMinor, order.erpCurrency) })}
              </span>
            )}{' '}
            {order.erpTotalMinor === order.totalMinor && order.erpCurrency === order.currency ? (
              <Pill tone="ok">{t('facts.matches')}</Pill>
            ) : (
              <Pill tone="warn">{t('facts.differs')}</Pill>
            )}
          </dd>
        </div>
      )}
      {documents.length > 0 && (
        <div>
          <dt>{t('facts.documents')}</dt>
          <dd>
            <ul className="plain-list">
              {documents.map((doc) => (
                <li key={doc.id}>
                  {doc.uploadedAt
                    ? t('facts.documentUploaded', { number: doc.number })
                    : doc.skippedReason
                      ? t('facts.documentSkipped', { number: doc.number })
                      : doc.uploadError
                        ? t('facts.documentRefused', { number: doc.number, error: doc.uploadError })
                        : t('facts.documentWaiting', { number: doc.number })}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('facts.account')}</dt>
        <dd>
          {order.accountName} · {order.channel.toUpperCase()}
        </dd>
      </div>
      <div>
        <dt>{t('facts.shipTo')}</dt>
        <dd>
          {shipTo.length > 0 ? (
            <address className="address">
              {shipTo.map((line) => (
                <span key={line}>{line}</span>
              ))}
            </address>
          ) : (
            <span className="muted">{t('facts.notReleased')}</span>
          )}
        </dd>
      </div>
      {order.buyer?.email && (
        <div>
          <dt>{t('facts.email')}</dt>
          <dd className="mono">{order.buyer.email}</dd>
        </div>
      )}
    </dl>
  );
}
