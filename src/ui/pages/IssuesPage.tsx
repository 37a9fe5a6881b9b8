import { useCallback, useState } from 'react';
import { IssueCard } from '../components/IssueCard.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import { plural } from '../lib/format.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';

const REFRESH_SECONDS = 5;

/** Everything held back, newest first: a record the other side refused, an order with an unknown SKU, … */
export function IssuesPage() {
  useDocumentTitle('Issues');
  const now = useNow();
  const { accounts } = useAccounts();
  const [account, setAccount] = useState(() => readQuery('account'));
  const load = useCallback(() => dashboardApi.issues(account || undefined), [account]);
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);

  return (
    <>
      <PageHead
        title="Issues"
        lead="What AdlerDo holds back and why. Each issue clears itself once its cause is fixed; Retry runs its step again at once."
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      {accounts && accounts.length > 1 && (
        <div className="filters">
          <SelectField
            id="issues-account"
            label="Account"
            value={account}
            options={[
              { value: '', label: 'All accounts' },
              ...accounts.map((a) => ({ value: a.id, label: a.name })),
            ]}
            onChange={(value) => {
              setAccount(value);
              writeQuery({ account: value });
            }}
          />
        </div>
      )}
      {!data && !error && <p className="muted">Loading issues…</p>}
      {!data && error && <LoadFailed what="The issues" message={error} onRetry={() => void refresh()} />}
      {data && (
        <section aria-labelledby="issues-heading">
          <h2 id="issues-heading" className="list-heading">
            {data.length === 0 ? 'No open issues' : plural(data.length, 'open issue', 'open issues')}
          </h2>
          {data.length === 0 ? (
            <p className="empty">Nothing is held back. New problems show up here within one sync cycle.</p>
          ) : (
            <ul className="issue-list">
              {data.map((issue) => (
                <IssueCard
                  key={issue.id}
                  issue={issue}
                  accountName={
                    accounts && accounts.length > 1
                      ? accounts.find((a) => a.id === issue.accountId)?.name
                      : undefined
                  }
                  now={now}
                  onRetried={refresh}
                />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
