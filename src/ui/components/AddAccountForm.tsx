import { useState } from 'react';
import type { Account, AccountType } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { toFormFailure } from '../lib/form-errors.ts';
import { KEY_INPUT, useSecretForm } from '../lib/use-secret-form.ts';
import { useTypeChoice } from '../lib/use-type-choice.ts';
import { AdvancedSection } from './AdvancedSection.tsx';
import { TextField } from './Field.tsx';
import { FormSubmit } from './FormSubmit.tsx';
import { Notice } from './Notice.tsx';
import { TypeSelect } from './TypeSelect.tsx';

const FORM_ID = 'add-account';
const FIELDS = ['type', 'name', 'clientId', 'clientSecret', 'baseUrl'] as const;

interface Props {
  types: AccountType[];
  onAdded: (account: Account) => void;
}

/** The guide's Steps 1–3: pick the type, enter name and keys, "Add New Account". */
export function AddAccountForm({ types, onAdded }: Props) {
  const { type, setType, selected } = useTypeChoice(types);
  const [name, setName] = useState('');
  const [clientId, setClientId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [added, setAdded] = useState<Account | null>(null);
  const form = useSecretForm(FORM_ID, FIELDS);
  const marketplace = selected?.name ?? 'marketplace';

  const submit = form.onSubmit({
    check: () => (selected ? undefined : { fields: { type: 'Select an account type.' } }),
    send: async (clientSecret) => {
      setAdded(null);
      const trimmedUrl = baseUrl.trim();
      const account = await accountsApi.add({
        type,
        name,
        clientId,
        clientSecret,
        ...(trimmedUrl !== '' && { baseUrl: trimmedUrl }),
      });
      setName('');
      setClientId('');
      setBaseUrl('');
      setAdvancedOpen(false);
      setAdded(account);
      onAdded(account);
    },
    refused: (error) => {
      const failure = toFormFailure(error, FIELDS);
      if (failure.fields.baseUrl !== undefined) setAdvancedOpen(true);
      return failure;
    },
  });

  return (
    <form id={FORM_ID} className="form" noValidate onSubmit={submit} aria-labelledby="add-account-heading">
      <TypeSelect form={form} label="Select account type" types={types} value={type} onChange={setType} />
      <TextField
        {...form.textProps('name', name, setName, {
          placeholder: 'My Kaufland Store',
          autoComplete: 'off',
          maxLength: 100,
          required: true,
        })}
        label="Account Name"
        hint="A distinctive name for this connection."
      />
      <TextField
        {...form.textProps('clientId', clientId, setClientId, { ...KEY_INPUT, required: true })}
        label="Client ID"
        hint={`The Client ID from your ${marketplace} account.`}
      />
      <TextField
        {...form.secretProps('clientSecret', KEY_INPUT)}
        label="Client Secret"
        hint={`The Client Secret from your ${marketplace} account.`}
      />
      <AdvancedSection open={advancedOpen} onToggle={setAdvancedOpen}>
        <TextField
          {...form.textProps('baseUrl', baseUrl, setBaseUrl, {
            ...KEY_INPUT,
            type: 'url',
            inputMode: 'url',
            placeholder: selected?.defaultBaseUrl,
          })}
          label="API base URL"
          optional
          hint={`Leave empty for the live API${selected ? ` (${selected.defaultBaseUrl})` : ''}. Enter a sandbox's URL to try AdlerDo without touching your shop.`}
        />
      </AdvancedSection>
      <FormSubmit
        form={form}
        busy={form.busy}
        label="Add New Account"
        busyLabel="Connecting…"
        tone="success"
      />
      {added && <Notice>“{added.name}” is connected. You’ll find it under Connected Accounts below.</Notice>}
    </form>
  );
}
