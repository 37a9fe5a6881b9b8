import { useRef, useState, type FormEvent } from 'react';
import type { Account, AccountType } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';

const FORM_ID = 'add-account';
const FIELDS = ['type', 'name', 'clientId', 'clientSecret', 'baseUrl'] as const;

interface Props {
  types: AccountType[];
  onAdded: (account: Account) => void;
}

/** The guide's Steps 1–3: pick the type, enter name and keys, "Add New Account". */
export function AddAccountForm({ types, onAdded }: Props) {
  const [type, setType] = useState(types.length === 1 ? (types[0]?.type ?? '') : '');
  const [name, setName] = useState('');
  const [clientId, setClientId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [added, setAdded] = useState<Account | null>(null);
  // Uncontrolled on purpose: a controlled input would mirror the secret into the DOM's value attribute.
  const secretRef = useRef<HTMLInputElement>(null);
  const form = useFormFailure(FORM_ID, FIELDS);
  const selected = types.find((t) => t.type === type);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (!selected) {
      form.failWith({ fields: { type: 'Select an account type.' } });
      return;
    }
    const clientSecret = secretRef.current?.value ?? '';
    setSubmitting(true);
    setAdded(null);
    form.reset();
    try {
      const trimmedUrl = baseUrl.trim();
      const account = await accountsApi.add({
        type: selected.type,
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
    } catch (error) {
      const failure = form.fail(error);
      if (failure.fields.baseUrl !== undefined) setAdvancedOpen(true);
    } finally {
      if (secretRef.current) secretRef.current.value = '';
      setSubmitting(false);
    }
  };

  const baseUrlError = form.fieldError('baseUrl');
  return (
    <form id={FORM_ID} className="form" noValidate onSubmit={submit} aria-labelledby="add-account-heading">
      <FieldFrame formId={FORM_ID} name="type" label="Select account type" error={form.fieldError('type')}>
        {(control) => (
          <select
            className="input"
            {...control}
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              form.clearField('type');
            }}
          >
            <option value="" disabled>
              Select…
            </option>
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <TextField
        formId={FORM_ID}
        name="name"
        label="Account Name"
        hint="A distinctive name for this connection."
        error={form.fieldError('name')}
        input={{
          value: name,
          placeholder: 'My Kaufland Store',
          autoComplete: 'off',
          maxLength: 100,
          required: true,
          onChange: (e) => {
            setName(e.target.value);
            form.clearField('name');
          },
        }}
      />
      <TextField
        formId={FORM_ID}
        name="clientId"
        label="Client ID"
        hint={`The Client ID from your ${selected?.name ?? 'marketplace'} account.`}
        error={form.fieldError('clientId')}
        input={{
          value: clientId,
          autoComplete: 'off',
          spellCheck: false,
          required: true,
          onChange: (e) => {
            setClientId(e.target.value);
            form.clearField('clientId');
          },
        }}
      />
      <TextField
        formId={FORM_ID}
        name="clientSecret"
        label="Client Secret"
        hint={`The Client Secret from your ${selected?.name ?? 'marketplace'} account.`}
        error={form.fieldError('clientSecret')}
        input={{
          ref: secretRef,
          type: 'password',
          autoComplete: 'off',
          spellCheck: false,
          required: true,
          onChange: () => form.clearField('clientSecret'),
        }}
      />
      <details
        className="advanced"
        open={advancedOpen}
        onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
      >
        <summary>Advanced</summary>
        <TextField
          formId={FORM_ID}
          name="baseUrl"
          label="API base URL"
          optional
          hint={`Leave empty for the live API${selected ? ` (${selected.defaultBaseUrl})` : ''}. Enter a sandbox's URL to try AdlerDo without touching your shop.`}
          error={baseUrlError}
          input={{
            value: baseUrl,
            type: 'url',
            inputMode: 'url',
            placeholder: selected?.defaultBaseUrl,
            autoComplete: 'off',
            spellCheck: false,
            onChange: (e) => {
              setBaseUrl(e.target.value);
              form.clearField('baseUrl');
            },
          }}
        />
      </details>
      {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-success" disabled={submitting} aria-busy={submitting}>
          {submitting ? 'Connecting…' : 'Add New Account'}
        </button>
      </div>
      {added && <Notice>“{added.name}” is connected. You’ll find it under Connected Accounts below.</Notice>}
    </form>
  );
}
