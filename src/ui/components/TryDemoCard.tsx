import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dashboardApi } from '../dashboard-api.ts';
import { actionProblem, type ActionProblem } from '../lib/action-error.ts';
import { navigate } from '../routing.ts';
import { FormAlert } from './FormAlert.tsx';

/**
 * A newcomer's shortcut on an empty Accounts page: the server starts its built-in Kaufland and Odoo sandboxes,
 * connects both and keeps orders coming, then the Overview shows it all moving.
 */
export function TryDemoCard({ onStarted }: { onStarted?: () => void }) {
  const { t } = useTranslation('accounts');
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const start = async () => {
    setStarting(true);
    setProblem(null);
    try {
      await dashboardApi.startDemo();
      onStarted?.();
      navigate('/overview');
    } catch (error) {
      setProblem(actionProblem(error, t('demo.failed')));
      setStarting(false);
    }
  };
  return (
    <section className="card demo-card" aria-labelledby="demo-heading">
      <div className="demo-card-text">
        <h2 id="demo-heading">{t('demo.heading')}</h2>
        <p>{t('demo.text')}</p>
        {problem && <FormAlert {...problem} />}
      </div>
      <button
        type="button"
        className="btn btn-primary"
        disabled={starting}
        aria-busy={starting}
        onClick={() => void start()}
      >
        {starting ? t('demo.busy') : t('demo.start')}
      </button>
    </section>
  );
}
