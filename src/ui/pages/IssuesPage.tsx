import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IssueCard } from '../components/IssueCard.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import { formatCount } from '../lib/format.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';

const REFRESH_SECONDS = 5;

/** Everything held back, newest first: a record the other side refused, an order with an unknown SKU, … */
export function IssuesPage() {
  const { t } = useTranslation('issues');
  useDocumentTitle(t('title'));
  const now = useNow();
  const { accounts } = useAccounts();
  const [account, setAccount] = useState(() => readQuery('account'));
  const load = useCallback(() => dashboardApi.issues(account || undefined), [account]);
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);

  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      {accounts && accounts.length > 1 && (
        <div className="filters">
          <SelectField
            id="issues-account"
            label={t('account')}
            value={account}
            options={[
              { value: '', label: t('allAccounts') },
              ...accounts.map((a) => ({ value: a.id, label: a.name })),
            ]}
            onChange={(value) => {
              setAccount(value);
              writeQuery({ account: value });
            }}
          />
        </div>
      )}
      {!data && !error && <p className="muted">{t('loading')}</p>}
      {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
      {data && (
        <section aria-labelledby="issues-heading">
          <h2 id="issues-heading" className="list-heading">
            {data.length === 0
              ? t('noneHeading')
              : t('count', { count: data.length, n: formatCount(data.length) })}
          </h2>
          {data.length === 0 ? (
            <p className="empty">{t('none')}</p>
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
