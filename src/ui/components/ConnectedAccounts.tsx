import { useTranslation } from 'react-i18next';
import type { Account, AccountType } from '../api-types.ts';
import { useNow } from '../lib/use-now.ts';
import { AccountCard } from './AccountCard.tsx';

interface Props {
  accounts: Account[];
  types: AccountType[];
  onChanged: (account: Account) => void;
  onRemoved: (id: string) => void;
  onReload: () => Promise<void>;
}

/** The guide's Step 4: every connected account with its status and what can be done about it. */
export function ConnectedAccounts({ accounts, types, onChanged, onRemoved, onReload }: Props) {
  const { t } = useTranslation('accounts');
  const now = useNow();
  if (accounts.length === 0) {
    return <p className="empty">{t('none')}</p>;
  }
  return (
    <ul className="account-list">
      {accounts.map((account) => {
        const type = types.find((candidate) => candidate.type === account.type);
        return (
          <AccountCard
            key={account.id}
            account={account}
            typeName={type?.name ?? account.type}
            defaultBaseUrl={type?.defaultBaseUrl}
            now={now}
            onChanged={onChanged}
            onRemoved={onRemoved}
            onReload={onReload}
          />
        );
      })}
    </ul>
  );
}
