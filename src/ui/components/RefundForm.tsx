import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { afterSaleApi, type AfterSale } from '../after-sale-api.ts';
import type { OrderDetail } from '../dashboard-types.ts';
import { formatMoney } from '../lib/money.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { FieldFrame } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { refundReasonText } from '../lib/reason-text.ts';

const FIELDS = ['lineId', 'amountMinor', 'reason'] as const;

/** "4,99" or "4.99" → 499 (for a currency with 2 minor digits); null when it is not an amount. */
export function toMinor(text: string, digits: number): number | null {
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * A partial refund of one shipped unit, in the order's currency, with one of the marketplace's reasons. One
 * idempotency key per form: pressing again after a lost answer never refunds twice.
 */
export function RefundForm(props: {
  detail: OrderDetail;
  afterSale: AfterSale;
  marketplace: string;
  erp: string;
  onDone: () => Promise<unknown>;
}) {
  const { detail, afterSale, marketplace, erp, onDone } = props;
  const { t } = useTranslation('order');
  const formId = useId();
  const { order } = detail;
  const units = detail.lines.filter((l) => l.status !== 'cancelled');
  const [lineId, setLineId] = useState(units[0]?.lineId ?? '');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  const form = useFormFailure(formId, FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const amountMinor = toMinor(amount, minorDigits(order.currency));
    if (amountMinor === null) return form.failWith({ fields: { amountMinor: t('refund.badAmount') } });
    setBusy(true);
    try {
      const refund = await afterSaleApi.refund(order.id, {
        lineId,
        amountMinor,
        reason,
        idempotencyKey: key.current,
      });
      const money = formatMoney(refund.amountMinor, refund.currency);
      setDone(
        refund.creditNote
          ? t('refund.doneBooked', { amount: money, document: refund.creditNote, erp })
          : t('refund.done', { amount: money }),
      );
      form.reset();
      setAmount('');
      key.current = crypto.randomUUID();
      await onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (afterSale.refundReasons.length === 0)
    return <p className="muted">{t('refund.noReasons', { marketplace })}</p>;
  return (
    <form id={formId} className="refund-form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="lead" style={{ gridColumn: '1 / -1' }}>
        {t('refund.lead', { marketplace, erp, currency: order.currency })}
      </p>
      <FieldFrame formId={formId} name="lineId" label={t('refund.unit')} error={form.fieldError('lineId')}>
        {(control) => (
          <select className="input" {...control} value={lineId} onChange={(e) => setLineId(e.target.value)}>
            {units.map((line) => (
              <option key={line.lineId} value={line.lineId}>
                {t('refund.unitOption', {
                  sku: line.sku ?? '–',
                  id: line.lineId,
                  price: formatMoney(line.priceMinor + line.shippingMinor, order.currency),
                })}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <FieldFrame
        formId={formId}
        name="amountMinor"
        label={t('refund.amount', { currency: order.currency })}
        hint={t('refund.amountHint')}
        error={form.fieldError('amountMinor')}
      >
        {(control) => (
          <input
            className="input"
            inputMode="decimal"
            autoComplete="off"
            {...control}
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              form.clearField('amountMinor');
            }}
          />
        )}
      </FieldFrame>
      <FieldFrame formId={formId} name="reason" label={t('refund.reason')} error={form.fieldError('reason')}>
        {(control) => (
          <select
            className="input"
            {...control}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              form.clearField('reason');
            }}
          >
            <option value="">{t('refund.chooseReason')}</option>
            {afterSale.refundReasons.map((code) => (
              <option key={code} value={code}>
                {refundReasonText(code)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <div className="refund-submit">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('refund.busy') : t('refund.submit')}
        </button>
      </div>
      <div style={{ gridColumn: '1 / -1' }}>
        {done && <Notice>{done}</Notice>}
        {form.failure?.form && <FormAlert {...form.failure.form} ref={form.alertRef} />}
      </div>
    </form>
  );
}
