import { useState } from 'react';
import { dashboardApi } from '../dashboard-api.ts';
import { actionProblem, type ActionProblem } from '../lib/action-error.ts';
import { navigate } from '../routing.ts';
import { FormAlert } from './FormAlert.tsx';

/**
 * A newcomer's shortcut on an empty Accounts page: the server starts its built-in Kaufland and Odoo sandboxes,
 * connects both and keeps orders coming, then the Overview shows it all moving.
 */
export function TryDemoCard({ onStarted }: { onStarted?: () => void }) {
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
      setProblem(actionProblem(error, 'The demo did not start'));
      setStarting(false);
    }
  };
  return (
    <section className="card demo-card" aria-labelledby="demo-heading">
      <div className="demo-card-text">
        <h2 id="demo-heading">New here? Try it with the sandbox</h2>
        <p>
          AdlerDo starts its built-in Kaufland and Odoo sandboxes, fills Odoo with a few hundred products,
          connects both and places an order every few seconds, so every page fills with live data. It all
          stays on this machine. To use your own shop later, remove the demo account and disconnect the demo
          ERP.
        </p>
        {problem && <FormAlert {...problem} />}
      </div>
      <button
        type="button"
        className="btn btn-primary"
        disabled={starting}
        aria-busy={starting}
        onClick={() => void start()}
      >
        {starting ? 'Starting the sandbox…' : 'Try it with the sandbox'}
      </button>
    </section>
  );
}
