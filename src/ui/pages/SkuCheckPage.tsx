import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { AccountChannelPicker } from '../components/AccountChannelPicker.tsx';
import { Link } from '../components/Link.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { ProductContentPanel } from '../components/ProductContentPanel.tsx';
import { SkuCheckSections, SkuCheckTiles } from '../components/SkuCheckSections.tsx';
import { dashboardApi } from '../dashboard-api.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePolling } from '../lib/use-polling.ts';
import { useSystemNames } from '../lib/use-system-names.ts';

const REFRESH_SECONDS = 15;

/** "Keep SKUs consistent between your ERP and Kaufland", as three lists and a CSV for the spreadsheet. */
export function SkuCheckPage() {
  const { t } = useTranslation('skucheck');
  useDocumentTitle(t('title'));
  const names = useSystemNames();
  const { accounts, error: accountsError } = useAccounts();
  const [accountId, setAccountId] = useState(() => readQuery('account'));
  const account = accounts?.find((a) => a.id === accountId) ?? accounts?.[0];
  const load = useCallback(async () => (account ? dashboardApi.skuCheck(account.id) : undefined), [account]);
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
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
          <div className="filters">
            <AccountChannelPicker
              idPrefix="sku-check"
              accounts={accounts ?? []}
              account={account}
              onAccount={(id) => {
                setAccountId(id);
                writeQuery({ account: id });
              }}
            />
            <a
              className="btn btn-secondary filters-end"
              href={dashboardApi.skuCheckCsvUrl(account.id)}
              download
            >
              {t('csv')}
            </a>
          </div>
          {!data && !error && <p className="muted">{t('loading')}</p>}
          {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
          {data && (
            <>
              <SkuCheckTiles check={data} marketplace={marketplace} erp={names.erp} />
              <ProductContentPanel accountId={account.id} marketplace={marketplace} erp={names.erp} actions />
              <SkuCheckSections check={data} marketplace={marketplace} erp={names.erp} />
            </>
          )}
        </>
      )}
    </>
  );
}
