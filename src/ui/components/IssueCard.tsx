import { dashboardApi } from '../dashboard-api.ts';
import type { Issue } from '../dashboard-types.ts';
import { plural } from '../lib/format.ts';
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
  const headingId = `issue-${issue.id}`;
  return (
    <li className="card issue" aria-labelledby={headingId}>
      <div className="issue-head">
        <p className="issue-message" id={headingId}>
          {issue.message}
        </p>
        <RetryButton
          label={`Retry: ${issue.message}`}
          retry={async () => {
            await dashboardApi.retryIssue(issue.id);
            await onRetried();
          }}
          done={`Queued: the ${stepName(issue.step).toLowerCase()} step runs again now; this issue clears itself once its cause is gone.`}
        />
      </div>
      {issue.hint && (
        <p className="issue-hint">
          <span className="issue-hint-label">What to do</span> {issue.hint}
        </p>
      )}
      <p className="issue-meta">
        <span>{stepName(issue.step)}</span>
        {accountName && <span>{accountName}</span>}
        <span>
          {ORDER_ISSUE.test(issue.code) ? (
            <Link to={`/orders?q=${encodeURIComponent(issue.subject)}`} className="mono">
              {issue.subject}
            </Link>
          ) : (
            <span className="mono">{issue.subject}</span>
          )}
        </span>
        <span>{plural(issue.occurrences, 'occurrence', 'occurrences')}</span>
        <span>
          first{' '}
          <time dateTime={issue.createdAt} title={absoluteTime(issue.createdAt)}>
            {timeAgo(issue.createdAt, now)}
          </time>
          , last{' '}
          <time dateTime={issue.lastSeenAt} title={absoluteTime(issue.lastSeenAt)}>
            {timeAgo(issue.lastSeenAt, now)}
          </time>
        </span>
        <span className="mono issue-code">{issue.code}</span>
      </p>
    </li>
  );
}
