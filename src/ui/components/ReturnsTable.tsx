import { useTranslation } from 'react-i18next';
import type { ReturnRow } from '../after-sale-api.ts';
import { returnStatus } from '../lib/return-status.ts';
import { Link } from './Link.tsx';
import { Pill } from './Pill.tsx';
import { ReturnActions } from './ReturnActions.tsx';
import { returnReasonText } from '../lib/reason-text.ts';

/** One row per returned unit: order, product, the buyer's reason and note, status, tracking, ERP, answers. */
export function ReturnsTable({
  lines,
  onChanged,
}: {
  lines: ReturnRow[];
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation('returns');
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.order')}</th>
            <th scope="col">{t('col.product')}</th>
            <th scope="col">{t('col.reason')}</th>
            <th scope="col">{t('col.note')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.tracking')}</th>
            <th scope="col">{t('col.erp')}</th>
            <th scope="col">{t('col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const status = returnStatus(line.status);
            const waiting = line.answerable && line.erpReturnDoneAt !== null;
            return (
              <tr key={line.id} data-return-line={line.lineId}>
                <th scope="row" data-label={t('col.order')}>
                  {line.orderId ? (
                    <Link to={`/orders/${encodeURIComponent(line.orderId)}`} className="mono">
                      {line.marketplaceOrderId}
                    </Link>
                  ) : (
                    <>
                      <span className="mono">{line.marketplaceOrderId}</span>
                      <span className="cell-note">{t('unknownOrder')}</span>
                    </>
                  )}
                </th>
                <td data-label={t('col.product')}>
                  <span className="mono">{line.sku ?? '–'}</span>
                  {line.product && <span className="cell-note">{line.product}</span>}
                </td>
                <td data-label={t('col.reason')}>
                  {line.reason ? returnReasonText(line.reason) : <span className="muted">–</span>}
                </td>
                <td data-label={t('col.note')} className="return-note">
                  {line.buyerNote ?? <span className="muted">{t('noNote')}</span>}
                </td>
                <td data-label={t('col.status')}>
                  <Pill tone={status.tone}>{status.label}</Pill>
                  {waiting && <span className="cell-note">{t('waitingForSeller')}</span>}
                  {line.outcomeSource && !line.answerable && (
                    <span className="cell-note">{t(`answeredBy.${line.outcomeSource}`)}</span>
                  )}
                  {line.outcomeError && <span className="cell-error">{line.outcomeError}</span>}
                </td>
                <td data-label={t('col.tracking')}>
                  {line.trackingNumbers.length > 0 ? (
                    <>
                      {line.carrierCode && <span>{line.carrierCode} </span>}
                      <span className="mono">{line.trackingNumbers.join(', ')}</span>
                    </>
                  ) : (
                    <span className="muted">{t('noTracking')}</span>
                  )}
                </td>
                <td data-label={t('col.erp')}>
                  {line.erpReturnName ? (
                    <span>
                      {line.erpReturnDoneAt
                        ? t('receiptDone', { name: line.erpReturnName })
                        : t('receiptPrepared', { name: line.erpReturnName })}
                    </span>
                  ) : (
                    <span className="muted">{t('noReceipt')}</span>
                  )}
                  {line.creditNote && (
                    <span className="cell-note">{t('creditNote', { name: line.creditNote })}</span>
                  )}
                </td>
                <td data-label={t('col.actions')}>
                  <ReturnActions line={line} onDone={onChanged} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
