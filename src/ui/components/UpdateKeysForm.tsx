import { useRef, useState, type FormEvent } from 'react';
import type { Account } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';

const FIELDS = ['clientId', 'clientSecret'] as const;

interface Props {
  account: Account;
  onSaved: (account: Account) => void;
  onCancel: () => void;
}

/** The reconnect after keys were regenerated: the new pair is checked with Kaufland before it replaces the old. */
export function UpdateKeysForm({ account, onSaved, onCancel }: Props) {
  const formId = `keys-${account.id}`;
  const [clientId, setClientId] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  const form = useFormFailure(formId, FIELDS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const clientSecret = secretRef.current?.value ?? '';
    setSubmitting(true);
    form.reset();
    try {
      const trimmedId = clientId.trim();
      onSaved(
        await accountsApi.updateCredentials(account.id, {
          ...(trimmedId !== '' && { clientId: trimmedId }),
          clientSecret,
        }),
      );
    } catch (error) {
      form.fail(error);
    } finally {
      if (secretRef.current) secretRef.current.value = '';
      setSubmitting(false);
    }
  };

  return (
    <form
      id={formId}
      className="form panel"
      noValidate
      onSubmit={submit}
      aria-label={`Update keys for ${account.name}`}
    >
      <p className="panel-intro">
        Paste the pair from Seller Portal → Settings → Shop Settings → API. AdlerDo checks it with Kaufland
        before it replaces the stored keys.
      </p>
      <div className="form-grid">
        <TextField
          formId={formId}
          name="clientId"
          label="Client ID"
          optional
          hint={`Leave empty to keep the current one (${account.clientId}).`}
          error={form.fieldError('clientId')}
          input={{
            value: clientId,
            autoComplete: 'off',
            spellCheck: false,
            onChange: (e) => {
              setClientId(e.target.value);
              form.clearField('clientId');
            },
          }}
        />
        <TextField
          formId={formId}
          name="clientSecret"
          label="New Client Secret"
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
      </div>
      {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submitting} aria-busy={submitting}>
          {submitting ? 'Connecting…' : 'Save new keys'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
