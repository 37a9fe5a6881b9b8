import { useTranslation } from 'react-i18next';
import type { OverviewAccount, Step } from '../dashboard-types.ts';
import { formatDuration } from '../lib/format.ts';
import { RUN_STATUS, STEP_LABELS } from '../lib/labels.ts';
import { callsSummary, countsSummary, stoppedWithoutWork } from '../lib/run-summary.ts';
import { stepEnabled } from '../lib/step-enabled.ts';
import { absoluteTime, shortAgo, shortUntil } from '../lib/time.ts';
import { Pill } from './Pill.tsx';
import { codedText } from '../lib/coded-text.ts';

interface Props {
  account: OverviewAccount;
  step: Step;
  now: number;
  /** Queued by "Sync now" and not started yet. */
  queued: boolean;
  onSync: () => void;
}

/** One step of one account: its last run, what it did, when it runs next, and "Sync" for it alone. */
export function StepRow({ account, step, now, queued, onSync }: Props) {
  const { t } = useTranslation('runs');
  const run = account.steps.find((s) => s.step === step);
  const enabled = stepEnabled(account.settings, step);
  const label = STEP_LABELS[step];
  const next = !enabled
    ? t('stepRow.off')
    : account.status !== 'connected'
      ? t('stepRow.paused')
      : run
        ? shortUntil(run.nextRunAt, now)
        : t('stepRow.soon');
  return (
    <tr className={enabled ? undefined : 'row-off'}>
      <th scope="row" data-label={t('stepRow.step')}>
        <span className="step-name">{label.name}</span>
        <span className="cell-note">{label.what}</span>
      </th>
      <td data-label={t('stepRow.lastRun')}>
        {run ? (
          <span>
            <Pill tone={RUN_STATUS[run.status].tone}>{RUN_STATUS[run.status].label}</Pill>{' '}
            <time dateTime={run.startedAt} title={absoluteTime(run.startedAt)} className="cell-note-inline">
              {shortAgo(run.startedAt, now)}
            </time>
          </span>
        ) : (
          <span className="muted">{t('stepRow.notRun')}</span>
        )}
      </td>
      <td data-label={t('stepRow.duration')} className="num">
        {run?.durationMs != null ? formatDuration(run.durationMs) : '–'}
      </td>
      <td data-label={t('stepRow.result')}>
        {run && run.status !== 'running' ? (
          <>
            {!stoppedWithoutWork(run) && (
              <span className={run.counts.failed > 0 ? 'text-bad' : undefined}>
                {countsSummary(run.counts)}
              </span>
            )}
            <span className="cell-note">{callsSummary(run)}</span>
            {run.errorMessage && (
              <span className="cell-error">{codedText(run.errorCode, run.errorMessage)}</span>
            )}
          </>
        ) : (
          <span className="muted">{run ? t('stepRow.running') : '–'}</span>
        )}
      </td>
      <td data-label={t('stepRow.nextRun')}>{next}</td>
      <td className="cell-action">
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={queued || account.status !== 'connected'}
          aria-label={t('stepRow.syncLabel', { step: label.name.toLowerCase(), account: account.name })}
          onClick={onSync}
        >
          {queued ? t('stepRow.queued') : t('stepRow.sync')}
        </button>
      </td>
    </tr>
  );
}
