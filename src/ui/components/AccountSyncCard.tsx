import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dashboardApi } from '../dashboard-api.ts';
import { STEPS, type OverviewAccount, type Step } from '../dashboard-types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatCount } from '../lib/format.ts';
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

/** English writes step names small inside a sentence ("Queued orders."); German nouns stay capitalised. */
const stepInSentence = (name: string) => (currentLanguage() === 'en' ? name.toLowerCase() : name);

/** One account on the Overview: its status, its steps of the Complete Sync Cycle, and "Sync now". */
export function AccountSyncCard({ account, typeName, now, onQueued }: Props) {
  const { t } = useTranslation('overview');
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
          ? t('card.nothingToQueue')
          : t('card.queued', {
              count: queued.length,
              steps: queued.map((s) => stepInSentence(stepName(s))).join(', '),
            }),
      );
      onQueued();
    } catch (error) {
      setProblem(actionProblem(error, t('card.notQueued')));
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
              {t('card.openIssues', { count: account.openIssues, n: formatCount(account.openIssues) })}
            </Link>
          )}
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={account.status !== 'connected'}
            onClick={() => void syncNow()}
          >
            {t('card.syncNow')}
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
          <caption className="visually-hidden">{t('card.caption', { name: account.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('card.step')}</th>
              <th scope="col">{t('card.lastRun')}</th>
              <th scope="col" className="num">
                {t('card.duration')}
              </th>
              <th scope="col">{t('card.result')}</th>
              <th scope="col">{t('card.nextRun')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('card.action')}</span>
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
