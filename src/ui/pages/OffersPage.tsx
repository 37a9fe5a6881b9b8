import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { AccountChannelPicker } from '../components/AccountChannelPicker.tsx';
import { FilterTabs } from '../components/FilterTabs.tsx';
import { Link } from '../components/Link.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { OffersTable } from '../components/OffersTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { ProductContentPanel } from '../components/ProductContentPanel.tsx';
import { Pager } from '../components/Pager.tsx';
import { SearchField } from '../components/SearchField.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import type { OfferFilter } from '../dashboard-types.ts';
import { storefrontCurrency } from '../lib/money.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useNow } from '../lib/use-now.ts';
import { usePolling } from '../lib/use-polling.ts';
import { useSystemNames } from '../lib/use-system-names.ts';

const PAGE_SIZE = 50;
const REFRESH_SECONDS = 10;
const FILTERS: OfferFilter[] = ['all', 'out_of_sync', 'no_ean', 'not_on_marketplace'];

/** Offers & stock per SKU for one account and storefront, with the three views of what is not in step. */
export function OffersPage() {
  const { t } = useTranslation('offers');
  useDocumentTitle(t('title'));
  const now = useNow();
  const names = useSystemNames();
  const { accounts, error: accountsError } = useAccounts();
  const [accountId, setAccountId] = useState(() => readQuery('account'));
  const [channelChoice, setChannel] = useState(() => readQuery('storefront'));
  const [filter, setFilter] = useState<OfferFilter>(() => {
    const chosen = readQuery('filter') as OfferFilter;
    return FILTERS.includes(chosen) ? chosen : 'all';
  });
  const [q, setQ] = useState(() => readQuery('q'));
  const [page, setPage] = useState(1);

  const account = accounts?.find((a) => a.id === accountId) ?? accounts?.[0];
  const channel =
    account && account.storefronts.includes(channelChoice)
      ? channelChoice
      : ((account?.settings.storefronts ?? account?.storefronts)?.[0] ?? '');

  const load = useCallback(async () => {
    if (!account || !channel) return undefined;
    const base = { account: account.id, channel, q: q || undefined };
    // One page of the chosen tab plus the size of every tab, so each tab says how much it holds.
    const [list, ...counts] = await Promise.all([
      dashboardApi.offers({ ...base, filter, page, pageSize: PAGE_SIZE }),
      ...FILTERS.map((f) => dashboardApi.offers({ ...base, filter: f, page: 1, pageSize: 1 })),
    ]);
    return { list, counts: Object.fromEntries(FILTERS.map((f, i) => [f, counts[i]?.total])) };
  }, [account, channel, filter, q, page]);
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);

  const change = (values: { account?: string; storefront?: string; filter?: OfferFilter; q?: string }) => {
    if (values.account !== undefined) setAccountId(values.account);
    if (values.storefront !== undefined) setChannel(values.storefront);
    if (values.filter !== undefined) setFilter(values.filter);
    if (values.q !== undefined) setQ(values.q);
    setPage(1);
    writeQuery({ page: undefined, ...values });
  };
  const onSearch = useCallback((value: string) => {
    setQ(value);
    setPage(1);
    writeQuery({ q: value });
  }, []);

  const marketplace = account ? names.marketplaceOf(account.id) : t('theMarketplace');
  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead', { erp: names.erp, marketplace })}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      {accountsError && (
        <LoadFailed
          what={t('accountsWhat')}
          message={accountsError}
          onRetry={() => window.location.reload()}
        />
      )}
      {accounts && !account && (
        <p className="empty">
          <Trans t={t} i18nKey="noAccount" components={{ connect: <Link to="/accounts" /> }} />
        </p>
      )}
      {account && (
        <>
          <div className="filters" role="search" aria-label={t('choose')}>
            <AccountChannelPicker
              idPrefix="offers"
              accounts={accounts ?? []}
              account={account}
              channel={channel}
              onAccount={(id) => change({ account: id, storefront: '' })}
              onChannel={(value) => change({ storefront: value })}
            />
            <SearchField
              id="offers-search"
              label={t('search')}
              placeholder={t('searchPlaceholder')}
              value={q}
              onSearch={onSearch}
            />
          </div>
          <FilterTabs
            label={t('show')}
            current={filter}
            onSelect={(key) => change({ filter: key })}
            tabs={FILTERS.map((key) => ({
              key,
              label: t(`tab.${key}`, { marketplace }),
              count: data?.counts[key],
            }))}
          />
          <ProductContentPanel
            accountId={account.id}
            marketplace={marketplace}
            erp={names.erp}
            actions={false}
          />
          {!data && !error && <p className="muted">{t('loading')}</p>}
          {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
          {data && (
            <section className="card card-flush" aria-label={t('section')}>
              {data.list.items.length === 0 ? (
                <p className="empty empty-flush">
                  {filter === 'all' ? t('noProducts', { erp: names.erp }) : t('allInStep')}
                </p>
              ) : (
                <OffersTable
                  offers={data.list.items}
                  currency={storefrontCurrency(channel)}
                  marketplace={marketplace}
                  erp={names.erp}
                  now={now}
                />
              )}
              <Pager
                page={page}
                pageSize={PAGE_SIZE}
                total={data.list.total}
                noun={t('noun')}
                onPage={setPage}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
