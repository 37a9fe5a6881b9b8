import { useTranslation } from 'react-i18next';
import type { Issue } from '../dashboard-types.ts';
import { formatCount } from '../lib/format.ts';
import { issueText, issueWords } from '../lib/issue-catalog.ts';
import { Link } from './Link.tsx';

/** On top of the Overview: what stopped syncing, each with the one action that leads to the fix. */
export function AttentionList({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation('overview');
  const attention = issues.filter((issue) => issue.attention);
  if (attention.length === 0) return null;
  return (
    <section className="card attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">
        {attention.length === 1
          ? t('attention.one')
          : t('attention.many', { n: formatCount(attention.length) })}
      </h2>
      <ul className="attention-list">
        {attention.map((issue) => {
          const { title, action } = issueText(issue);
          return (
            <li key={issue.id}>
              <div>
                <p className="issue-title">{title}</p>
                <p className="issue-message">{issueWords(issue).message}</p>
              </div>
              {action && (
                <Link to={action.to} className="btn btn-primary btn-small">
                  {action.label}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
