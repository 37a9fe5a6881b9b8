import { useRef, useState, type FormEvent } from 'react';
import { erpApi } from '../erp-api.ts';
import type { Erp } from '../erp-types.ts';
import { toErpFailure } from '../lib/erp-errors.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';

const FORM_ID = 'erp-key';
const FIELDS = ['login', 'apiKey'] as const;

interface Props {
  erp: Erp;
  typeName: string;
  onSaved: (erp: Erp) => void;
  onCancel: () => void;
}

/** A new key after the old one was deleted or expired: proven with the ERP before it replaces the stored one. */
export function UpdateErpKeyForm({ erp, typeName, onSaved, onCancel }: Props) {
  const [login, setLogin] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);
  const form = useFormFailure(FORM_ID, FIELDS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const apiKey = keyRef.current?.value ?? '';
    setSubmitting(true);
    form.reset();
    try {
      const trimmedLogin = login.trim();
      onSaved(await erpApi.updateKey({ apiKey, ...(trimmedLogin !== '' && { login: trimmedLogin }) }));
    } catch (error) {
      form.failWith(toErpFailure(error, FIELDS, 'update-key'));
    } finally {
      if (keyRef.current) keyRef.current.value = '';
      setSubmitting(false);
    }
  };

  return (
    <form
      id={FORM_ID}
      className="form panel"
      noValidate
      onSubmit={submit}
      aria-label={`Update ${typeName} key`}
    >
      <p className="panel-intro">
        Create a key in {typeName} under Preferences → Account Security → New API Key. AdlerDo signs in with
        it before it replaces the stored key.
      </p>
      <div className="form-grid">
        <TextField
          formId={FORM_ID}
          name="login"
          label="Login"
          optional
          hint={`Leave empty to keep the current one (${erp.login}).`}
          error={form.fieldError('login')}
          input={{
            value: login,
            autoComplete: 'off',
            spellCheck: false,
            onChange: (e) => {
              setLogin(e.target.value);
              form.clearField('login');
            },
          }}
        />
        <TextField
          formId={FORM_ID}
          name="apiKey"
          label="New API key"
          error={form.fieldError('apiKey')}
          input={{
            ref: keyRef,
            type: 'password',
            autoComplete: 'off',
            spellCheck: false,
            required: true,
            onChange: () => form.clearField('apiKey'),
          }}
        />
      </div>
      {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submitting} aria-busy={submitting}>
          {submitting ? 'Connecting…' : 'Save new key'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
