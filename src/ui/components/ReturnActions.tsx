import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { afterSaleApi, type ReturnRow } from '../after-sale-api.ts';
import { actionProblem, type ActionProblem } from '../lib/action-error.ts';
import { returnStatus } from '../lib/return-status.ts';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';

type Outcome = 'accept' | 'reject' | 'clarify' | 'repair';
const WITH_MESSAGE: readonly Outcome[] = ['reject', 'clarify'];

/**
 * The seller's answers to one return line: Accept and Send to repair at once; Reject and Ask for
 * clarification open a message to the buyer first (the marketplace requires one).
 */
export function ReturnActions({ line, onDone }: { line: ReturnRow; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation('returns');
  const formId = useId();
  const [writing, setWriting] = useState<Outcome | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const names = { sku: line.sku ?? line.lineId, order: line.marketplaceOrderId };

  const send = async (outcome: Outcome, text?: string) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const answered = await afterSaleApi.answer(line.id, { outcome, ...(text ? { message: text } : {}) });
      setDone(t('action.done', { status: returnStatus(answered.status as ReturnRow['status']).label }));
      setWriting(null);
      setMessage('');
      await onDone();
    } catch (error) {
      setProblem(actionProblem(error, t('action.failed')));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (writing) void send(writing, message.trim());
  };

  if (!line.answerable) return done ? <Notice>{done}</Notice> : <span className="muted">–</span>;
  return (
    <div className="return-actions">
      {!writing && (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy}
            aria-label={t('action.acceptLabel', names)}
            onClick={() => void send('accept')}
          >
            {busy ? t('action.busy') : t('action.accept')}
          </button>
          <div role="group" aria-label={t('action.moreLabel', names)} className="button-row">
            {WITH_MESSAGE.map((outcome) => (
              <button
                key={outcome}
                type="button"
                className="btn btn-secondary btn-small"
                disabled={busy}
                onClick={() => setWriting(outcome)}
              >
                {t(`action.${outcome}`)}
              </button>
            ))}
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={busy}
              onClick={() => void send('repair')}
            >
              {t('action.repair')}
            </button>
          </div>
        </div>
      )}
      {writing && (
        <form className="return-message" onSubmit={submit} aria-label={t(`action.${writing}`)}>
          <label htmlFor={`${formId}-message`}>{t('action.message')}</label>
          <textarea
            id={`${formId}-message`}
            className="input"
            rows={3}
            required
            maxLength={2000}
            value={message}
            aria-describedby={`${formId}-hint`}
            onChange={(e) => setMessage(e.target.value)}
          />
          <p id={`${formId}-hint`} className="field-hint">
            {t('action.messageHint')}
          </p>
          <div className="button-row">
            <button type="submit" className="btn btn-primary btn-small" disabled={busy || !message.trim()}>
              {busy ? t('action.busy') : `${t(`action.${writing}`)}: ${t('action.send')}`}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setWriting(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
      {done && <Notice>{done}</Notice>}
      {problem && <FormAlert {...problem} />}
    </div>
  );
}
