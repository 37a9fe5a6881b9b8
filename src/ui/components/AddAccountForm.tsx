import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('accounts');
  const { type, setType, selected } = useTypeChoice(types);
  const [name, setName] = useState('');
  const [clientId, setClientId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [added, setAdded] = useState<Account | null>(null);
  const form = useSecretForm(FORM_ID, FIELDS);
  const marketplace = selected?.name ?? t('add.marketplace');

  const submit = form.onSubmit({
    check: () => (selected ? undefined : { fields: { type: t('add.typeMissing') } }),
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
      <TypeSelect form={form} label={t('add.type')} types={types} value={type} onChange={setType} />
      <TextField
        {...form.textProps('name', name, setName, {
          placeholder: t('add.namePlaceholder'),
          autoComplete: 'off',
          maxLength: 100,
          required: true,
        })}
        label={t('add.name')}
        hint={t('add.nameHint')}
      />
      <TextField
        {...form.textProps('clientId', clientId, setClientId, { ...KEY_INPUT, required: true })}
        label={t('clientId')}
        hint={t('add.clientIdHint', { marketplace })}
      />
      <TextField
        {...form.secretProps('clientSecret', KEY_INPUT)}
        label={t('clientSecret')}
        hint={t('add.clientSecretHint', { marketplace })}
      />
      <AdvancedSection open={advancedOpen} onToggle={setAdvancedOpen}>
        <TextField
          {...form.textProps('baseUrl', baseUrl, setBaseUrl, {
            ...KEY_INPUT,
            type: 'url',
            inputMode: 'url',
            placeholder: selected?.defaultBaseUrl,
          })}
          label={t('add.baseUrl')}
          optional
          hint={t('add.baseUrlHint', { live: selected ? ` (${selected.defaultBaseUrl})` : '' })}
        />
      </AdvancedSection>
      <FormSubmit
        form={form}
        busy={form.busy}
        label={t('add.submit')}
        busyLabel={t('add.busy')}
        tone="success"
      />
      {added && <Notice>{t('add.added', { name: added.name })}</Notice>}
    </form>
  );
}
