import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionProblem, type ActionProblem } from '../lib/action-error.ts';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';

interface Props {
  /** Read out with the button, e.g. "Retry order 8JAOE6V". */
  label: string;
  retry: () => Promise<unknown>;
  /** Said after the retry was queued. */
  done: string;
}

/** "Retry" with its own progress, confirmation and failure message. */
export function RetryButton({ label, retry, done }: Props) {
  const { t } = useTranslation('runs');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const press = async () => {
    setBusy(true);
    setNotice(false);
    setProblem(null);
    try {
      await retry();
      setNotice(true);
    } catch (error) {
      setProblem(actionProblem(error, t('retry.failed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="retry">
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={busy}
        aria-label={label}
        onClick={() => void press()}
      >
        {busy ? t('retry.busy') : t('retry.button')}
      </button>
      {notice && <Notice>{done}</Notice>}
      {problem && <FormAlert {...problem} />}
    </div>
  );
}
