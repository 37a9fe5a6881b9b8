import { useTranslation } from 'react-i18next';
import { dashboardApi } from '../dashboard-api.ts';
import { STEPS, type Issue, type Step } from '../dashboard-types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatCount } from '../lib/format.ts';
import { issueText, issueWords } from '../lib/issue-catalog.ts';
import { stepName } from '../lib/labels.ts';
import { absoluteTime, timeAgo } from '../lib/time.ts';
import { Link } from './Link.tsx';
import { RetryButton } from './RetryButton.tsx';

interface Props {
  issue: Issue;
  accountName: string | undefined;
  now: number;
  /** Reloads the list after a retry was queued. */
  onRetried: () => Promise<void>;
}

/** Issues about an order are named by its marketplace order id: the Orders search finds it. */
const ORDER_ISSUE = /^order\./;

/** One held-back record: the cause in plain words, what to do, how often and since when, and "Retry". */
export function IssueCard({ issue, accountName, now, onRetried }: Props) {
  const { t } = useTranslation('overview');
  const headingId = `issue-${issue.id}`;
  const { title, action } = issueText(issue);
  const words = issueWords(issue);
  // Issues about a whole account or the ERP are fixed by their action, not by running one step again.
  const retryable = STEPS.includes(issue.step as Step);
  // Their subject is an id, not something the seller knows.
  const showSubject = !issue.attention || issue.code === 'shipment.rejected';
  return (
    <li className={issue.attention ? 'card issue issue-attention' : 'card issue'} aria-labelledby={headingId}>
      <div className="issue-head">
        <div>
          <p className="issue-title" id={headingId}>
            {title}
          </p>
          <p className="issue-message">{words.message}</p>
        </div>
        {action && (
          <Link to={action.to} className="btn btn-primary btn-small">
            {action.label}
          </Link>
        )}
        {retryable && !action && (
          <RetryButton
            label={t('issue.retry', { message: words.message })}
            retry={async () => {
              await dashboardApi.retryIssue(issue.id);
              await onRetried();
            }}
            done={t('issue.queued', {
              step: currentLanguage() === 'en' ? stepName(issue.step).toLowerCase() : stepName(issue.step),
            })}
          />
        )}
      </div>
      {words.hint && (
        <p className="issue-hint">
          <span className="issue-hint-label">{t('issue.whatToDo')}</span> {words.hint}
        </p>
      )}
      <p className="issue-meta">
        {retryable && <span>{stepName(issue.step)}</span>}
        {accountName && <span>{accountName}</span>}
        {showSubject && (
          <span>
            {/* The order's timeline, not a one-row list; a search when the order is not in the hub (yet). */}
            {ORDER_ISSUE.test(issue.code) ? (
              <Link
                to={
                  issue.orderId
                    ? `/orders/${issue.orderId}`
                    : `/orders?q=${encodeURIComponent(issue.subject)}`
                }
                className="mono"
              >
                {issue.subject}
              </Link>
            ) : (
              <span className="mono">{issue.subject}</span>
            )}
          </span>
        )}
        <span>{t('issue.occurrences', { count: issue.occurrences, n: formatCount(issue.occurrences) })}</span>
        <span>
          {t('issue.first')}{' '}
          <time dateTime={issue.createdAt} title={absoluteTime(issue.createdAt)}>
            {timeAgo(issue.createdAt, now)}
          </time>
          , {t('issue.last')}{' '}
          <time dateTime={issue.lastSeenAt} title={absoluteTime(issue.lastSeenAt)}>
            {timeAgo(issue.lastSeenAt, now)}
          </time>
        </span>
      </p>
    </li>
  );
}
