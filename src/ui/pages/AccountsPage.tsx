import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { Account, AccountType } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { AddAccountForm } from '../components/AddAccountForm.tsx';
import { ConnectedAccounts } from '../components/ConnectedAccounts.tsx';
import { KauflandKeysHelp } from '../components/KauflandKeysHelp.tsx';
import { TryDemoCard } from '../components/TryDemoCard.tsx';
import { errorMessage } from '../lib/error-text.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; types: AccountType[]; accounts: Account[] };

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  useDocumentTitle(t('title'));
  const [data, setData] = useState<Loaded>({ state: 'loading' });
  const listHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      const [types, accounts] = await Promise.all([accountsApi.types(), accountsApi.list()]);
      setData({ state: 'ready', types, accounts });
    } catch (error) {
      // A lost session is handled by the app (back to sign-in); anything else is said here.
      if (error instanceof ApiError && error.status === 401) return;
      setData({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const setAccounts = (update: (accounts: Account[]) => Account[]) =>
    setData((d) => (d.state === 'ready' ? { ...d, accounts: update(d.accounts) } : d));

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </div>
      {data.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {data.state === 'failed' && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('loadFailed')}</p>
          <p>{data.message}</p>
          <button type="button" className="btn btn-secondary" onClick={() => void load()}>
            {t('common:retry')}
          </button>
        </div>
      )}
      {data.state === 'ready' && (
        <>
          {data.accounts.length === 0 && <TryDemoCard />}
          <section className="card add-account" aria-labelledby="add-account-heading">
            <h2 id="add-account-heading">{t('addHeading')}</h2>
            <div className="add-account-grid">
              <AddAccountForm
                types={data.types}
                onAdded={(account) => setAccounts((accounts) => [...accounts, account])}
              />
              <KauflandKeysHelp />
            </div>
          </section>
          <section className="connected" aria-labelledby="connected-heading">
            <h2 id="connected-heading" ref={listHeading} tabIndex={-1}>
              {t('connectedHeading')}
            </h2>
            <ConnectedAccounts
              accounts={data.accounts}
              types={data.types}
              onReload={load}
              onChanged={(account) =>
                setAccounts((accounts) => accounts.map((a) => (a.id === account.id ? account : a)))
              }
              onRemoved={(id) => {
                setAccounts((accounts) => accounts.filter((a) => a.id !== id));
                listHeading.current?.focus();
              }}
            />
          </section>
        </>
      )}
    </>
  );
}
