import { useState } from 'react';
import { dashboardApi } from '../dashboard-api.ts';
import { STEPS, type OverviewAccount, type Step } from '../dashboard-types.ts';
import { plural } from '../lib/format.ts';
import { stepName } from '../lib/labels.ts';
import { actionProblem, type ActionProblem } from '../lib/action-error.ts';
import { AccountStatusMessage } from './AccountStatusMessage.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Link } from './Link.tsx';
import { Notice } from './Notice.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StepRow } from './StepRow.tsx';
import { StorefrontChips } from './StorefrontChips.tsx';

interface Props {
  account: OverviewAccount;
  typeName: string;
  now: number;
  /** Loads the overview again, so the queued runs show up at once. */
  onQueued: () => void;
}

/** A click is "Queued" until that step has a newer run than at the click (or 30 s have passed). */
interface Pending {
  at: number;
  runId: string | undefined;
}
const PENDING_MS = 30_000;

/** One account on the Overview: its status, its steps of the Complete Sync Cycle, and "Sync now". */
export function AccountSyncCard({ account, typeName, now, onQueued }: Props) {
  const [pending, setPending] = useState<Partial<Record<Step, Pending>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const headingId = `sync-${account.id}`;

  const isQueued = (step: Step) => {
    const click = pending[step];
    if (!click || now - click.at > PENDING_MS) return false;
    return account.steps.find((s) => s.step === step)?.id === click.runId;
  };

  const syncNow = async (step?: Step) => {
    setNotice(null);
    setProblem(null);
    try {
      const queued = await dashboardApi.syncNow(account.id, step);
      const at = Date.now();
      setPending((current) => {
        const next = { ...current };
        for (const s of queued) next[s] = { at, runId: account.steps.find((r) => r.step === s)?.id };
        return next;
      });
      setNotice(
        queued.length === 0
          ? 'Nothing to queue: every step is turned off in the account settings.'
          : `Queued ${queued.map((s) => stepName(s).toLowerCase()).join(', ')}. The table updates as ${queued.length === 1 ? 'it runs' : 'they run'}.`,
      );
      onQueued();
    } catch (error) {
      setProblem(actionProblem(error, 'Not queued'));
    }
  };

  return (
    <section className={`card account account-${account.status}`} aria-labelledby={headingId}>
      <div className="account-head">
        <div>
          <h3 id={headingId}>{account.name}</h3>
          <div className="account-sub">
            <span className="muted">{typeName}</span>
            <StorefrontChips available={account.storefronts} synced={account.settings.storefronts} />
          </div>
        </div>
        <div className="account-head-actions">
          <StatusBadge status={account.status} />
          {account.openIssues > 0 && (
            <Link to={`/issues?account=${encodeURIComponent(account.id)}`} className="issues-link">
              {plural(account.openIssues, 'open issue', 'open issues')}
            </Link>
          )}
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={account.status !== 'connected'}
            onClick={() => void syncNow()}
          >
            Sync now
          </button>
        </div>
      </div>
      {account.statusMessage && account.status !== 'connected' && (
        <AccountStatusMessage
          status={account.status}
          message={account.statusMessage}
          renderFix={(words) => <Link to={`/accounts?keys=${encodeURIComponent(account.id)}`}>{words}</Link>}
        />
      )}
      {notice && <Notice>{notice}</Notice>}
      {problem && <FormAlert {...problem} />}
      <div className="table-wrap">
        <table className="data-table steps-table">
          <caption className="visually-hidden">Sync steps of {account.name}</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Last run</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">Result</th>
              <th scope="col">Next run</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {STEPS.map((step) => (
              <StepRow
                key={step}
                account={account}
                step={step}
                now={now}
                queued={isQueued(step)}
                onSync={() => void syncNow(step)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
