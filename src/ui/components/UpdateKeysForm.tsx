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
  return (
    <ReplaceKeyForm
      formId={`keys-${account.id}`}
      label={`Update keys for ${account.name}`}
      intro="Paste the pair from Seller Portal → Settings → Shop Settings → API. AdlerDo checks it with Kaufland before it replaces the stored keys."
      keep={{ name: 'clientId', label: 'Client ID', current: account.clientId }}
      secret={{ name: 'clientSecret', label: 'New Client Secret' }}
      saveLabel="Save new keys"
      save={async (clientSecret, clientId) =>
        onSaved(
          await accountsApi.updateCredentials(account.id, {
            ...(clientId !== undefined && { clientId }),
            clientSecret,
          }),
        )
      }
      onCancel={onCancel}
    />
  );
}
