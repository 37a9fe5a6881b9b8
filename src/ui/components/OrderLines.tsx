import { useTranslation } from 'react-i18next';
import type { AfterSale } from '../after-sale-api.ts';
import type { OrderDetail } from '../dashboard-types.ts';
import type { Tone } from '../lib/labels.ts';
import { formatMoney } from '../lib/money.ts';
import { Pill } from './Pill.tsx';

const LINE_TONES: Record<OrderDetail['lines'][number]['status'], Tone> = {
  open: 'neutral',
  shipped: 'info',
  confirmed: 'ok',
  cancelled: 'neutral',
};

/** One row per unit (Kaufland sells one order unit per piece), with what was refunded on it. */
export function OrderLines({
  detail,
  afterSale,
}: {
  detail: OrderDetail;
  afterSale?: AfterSale | undefined;
}) {
  const { t } = useTranslation('order');
  const { lines, order } = detail;
  const refunded = (lineId: string) =>
    (afterSale?.refunds ?? [])
      .filter((r) => r.lineId === lineId && r.sentAt)
      .reduce((sum, r) => sum + r.amountMinor, 0);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('lines.caption', { id: order.marketplaceOrderId })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lines.sku')}</th>
            <th scope="col">{t('lines.item')}</th>
            <th scope="col" className="num">
              {t('lines.price')}
            </th>
            <th scope="col">{t('lines.status')}</th>
            <th scope="col">{t('lines.carrier')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const back = refunded(line.lineId);
            return (
              <tr key={line.lineId}>
                <th scope="row" data-label={t('lines.sku')} className="mono">
                  {line.sku ?? '–'}
                </th>
                <td data-label={t('lines.item')}>{line.title ?? <span className="muted">–</span>}</td>
                <td data-label={t('lines.price')} className="num">
                  {formatMoney(line.priceMinor + line.shippingMinor, order.currency)}
                  {back > 0 && (
                    <span className="cell-note">
                      {t('lines.refunded', { amount: formatMoney(back, order.currency) })}
                    </span>
                  )}
                </td>
                <td data-label={t('lines.status')}>
                  <Pill tone={LINE_TONES[line.status]}>{t(`lines.status_${line.status}`)}</Pill>
                  {line.confirmError && <span className="cell-error">{line.confirmError}</span>}
                </td>
                <td data-label={t('lines.carrier')}>
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
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
