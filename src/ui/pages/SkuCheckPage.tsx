import { useCallback, useState } from 'react';
import { AccountChannelPicker } from '../components/AccountChannelPicker.tsx';
import { Link } from '../components/Link.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PageHead } from '../components/PageHead.tsx';
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
  useDocumentTitle('SKU check');
  const names = useSystemNames();
  const { accounts, error: accountsError } = useAccounts();
  const [accountId, setAccountId] = useState(() => readQuery('account'));
  const account = accounts?.find((a) => a.id === accountId) ?? accounts?.[0];
  const load = useCallback(async () => (account ? dashboardApi.skuCheck(account.id) : undefined), [account]);
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);
  const marketplace = account ? names.marketplaceOf(account.id) : 'the marketplace';

  return (
    <>
      <PageHead
        title="SKU check"
        lead={`Products and offers that do not match between ${names.erp} and ${marketplace}: each one costs sales or holds orders.`}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      {accountsError && (
        <LoadFailed what="The accounts" message={accountsError} onRetry={() => window.location.reload()} />
      )}
      {accounts && !account && (
        <p className="empty">
          No account connected yet. <Link to="/accounts">Connect one</Link> to check its SKUs.
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
              Download CSV
            </a>
          </div>
          {!data && !error && <p className="muted">Checking SKUs…</p>}
          {!data && error && (
            <LoadFailed what="The SKU check" message={error} onRetry={() => void refresh()} />
          )}
          {data && (
            <>
              <SkuCheckTiles check={data} marketplace={marketplace} erp={names.erp} />
              <SkuCheckSections check={data} marketplace={marketplace} erp={names.erp} />
            </>
          )}
        </>
      )}
    </>
  );
}
