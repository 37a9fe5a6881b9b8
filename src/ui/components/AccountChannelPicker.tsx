import { useTranslation } from 'react-i18next';
import type { Account } from '../api-types.ts';
import { storefrontName } from '../lib/storefronts.ts';
import { SelectField } from './SelectField.tsx';

interface Props {
  idPrefix: string;
  accounts: Account[];
  account: Account;
  channel?: string;
  onAccount: (id: string) => void;
  onChannel?: (channel: string) => void;
}

/** Which account (and storefront) a page is about; a single account is still named, so the page says whose data it is. */
export function AccountChannelPicker({ idPrefix, accounts, account, channel, onAccount, onChannel }: Props) {
  const { t } = useTranslation('offers');
  return (
    <>
      <SelectField
        id={`${idPrefix}-account`}
        label={t('picker.account')}
        value={account.id}
        options={accounts.map((a) => ({ value: a.id, label: a.name }))}
        onChange={onAccount}
      />
      {onChannel && channel !== undefined && (
        <SelectField
          id={`${idPrefix}-storefront`}
          label={t('picker.storefront')}
          value={channel}
          options={account.storefronts.map((s) => ({
            value: s,
            label: `${s.toUpperCase()} · ${storefrontName(s)}`,
          }))}
          onChange={onChannel}
        />
      )}
    </>
  );
}
