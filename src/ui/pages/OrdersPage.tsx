import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { OrdersTable } from '../components/OrdersTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { Pager } from '../components/Pager.tsx';
import { SearchField } from '../components/SearchField.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import type { OrderState } from '../dashboard-types.ts';
import { ORDER_STATES } from '../lib/labels.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';

const PAGE_SIZE = 25;
const REFRESH_SECONDS = 5;

/** Every marketplace order the hub has, newest first; new ones appear while the page is open. */
export function OrdersPage() {
  const { t } = useTranslation('orders');
  useDocumentTitle(t('title'));
  const now = useNow();
  const { accounts } = useAccounts();
  const [q, setQ] = useState(() => readQuery('q'));
  const [state, setState] = useState(() =>
    Object.hasOwn(ORDER_STATES, readQuery('state')) ? readQuery('state') : '',
  );
  const [account, setAccount] = useState(() => readQuery('account'));
  const [page, setPage] = useState(() => Math.max(1, Number(readQuery('page')) || 1));

  const change = (values: { q?: string; state?: string; account?: string; page?: number }) => {
    const next = { q, state, account, page: 1, ...values };
    setQ(next.q);
    setState(next.state);
    setAccount(next.account);
    setPage(next.page);
    writeQuery(next);
  };

  const load = useCallback(
    () =>
      dashboardApi.orders({
        q: q || undefined,
        state: (state || undefined) as OrderState | undefined,
        account: account || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [q, state, account, page],
  );
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  const onSearch = useCallback((value: string) => change({ q: value }), [state, account]);
  const stateOptions = [
    { value: '', label: t('allStates') },
    ...Object.entries(ORDER_STATES).map(([value, { label }]) => ({ value, label })),
  ];

  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      <div className="filters" role="search" aria-label={t('filters')}>
        <SearchField
          id="orders-search"
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={q}
          onSearch={onSearch}
        />
        <SelectField
          id="orders-state"
          label={t('state')}
          value={state}
          options={stateOptions}
          onChange={(value) => change({ state: value })}
        />
        {accounts && accounts.length > 1 && (
          <SelectField
            id="orders-account"
            label={t('account')}
            value={account}
            options={[
              { value: '', label: t('allAccounts') },
              ...accounts.map((a) => ({ value: a.id, label: a.name })),
            ]}
            onChange={(value) => change({ account: value })}
          />
        )}
      </div>
      {!data && !error && <p className="muted">{t('loading')}</p>}
      {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
      {data && (
        <section className="card card-flush" aria-label={t('title')}>
          {data.items.length === 0 ? (
            <p className="empty empty-flush">{q || state ? t('noMatch') : t('none')}</p>
          ) : (
            <OrdersTable orders={data.items} showAccount={(accounts?.length ?? 0) > 1} now={now} />
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            noun={t('noun')}
            onPage={(p) => change({ page: p })}
          />
        </section>
      )}
    </>
  );
}
