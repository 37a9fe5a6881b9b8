import { useTranslation } from 'react-i18next';
import type { Account } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { ReplaceKeyForm } from './ReplaceKeyForm.tsx';

interface Props {
  account: Account;
  onSaved: (account: Account) => void;
  onCancel: () => void;
}

/** The reconnect after keys were regenerated: the new pair is checked with Kaufland before it replaces the old. */
export function UpdateKeysForm({ account, onSaved, onCancel }: Props) {
  const { t } = useTranslation('accounts');
  return (
    <ReplaceKeyForm
      formId={`keys-${account.id}`}
      label={t('keys.formLabel', { name: account.name })}
      intro={t('keys.intro')}
      keep={{
        name: 'clientId',
        label: t('keys.clientId'),
        current: account.clientId,
        required: {
          hint: t('keys.clientIdHint', { current: account.clientId }),
          missing: t('keys.clientIdMissing'),
        },
      }}
      secret={{ name: 'clientSecret', label: t('keys.clientSecret') }}
      saveLabel={t('keys.save')}
      save={async (clientSecret, clientId) =>
        onSaved(await accountsApi.updateCredentials(account.id, { clientId: clientId ?? '', clientSecret }))
      }
      onCancel={onCancel}
    />
  );
}
