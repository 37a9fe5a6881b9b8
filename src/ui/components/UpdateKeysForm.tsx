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
      intro="Paste both keys from Seller Portal → Settings → Shop Settings → API: “Generate new API keys” replaces the Client ID and the Client Secret together. AdlerDo checks the pair with Kaufland before it replaces the stored keys."
      keep={{
        name: 'clientId',
        label: 'New Client ID',
        current: account.clientId,
        required: {
          hint: `Kaufland issues a new one with the new secret; the current one (${account.clientId}) stops working.`,
          missing: 'Enter the new Client ID: Kaufland replaces it together with the secret.',
        },
      }}
      secret={{ name: 'clientSecret', label: 'New Client Secret' }}
      saveLabel="Save new keys"
      save={async (clientSecret, clientId) =>
        onSaved(await accountsApi.updateCredentials(account.id, { clientId: clientId ?? '', clientSecret }))
      }
      onCancel={onCancel}
    />
  );
}
