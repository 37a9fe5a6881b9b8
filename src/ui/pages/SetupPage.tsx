import { useRef, useState, type FormEvent } from 'react';
import type { Admin } from '../api-types.ts';
import { ApiError } from '../api.ts';
import { authApi } from '../auth-api.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';

const FORM_ID = 'setup';
const FIELDS = ['username', 'password', 'confirm'] as const;

interface Props {
  onDone: (admin: Admin) => void;
  /** Someone else finished setup meanwhile: sign in instead. */
  onAlreadySetUp: () => void;
}

/** First start: there is no administrator yet, so the first visitor creates one. */
export function SetupPage({ onDone, onAlreadySetUp }: Props) {
  useDocumentTitle('Welcome');
  const [username, setUsername] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const form = useFormFailure(FORM_ID, FIELDS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const password = passwordRef.current?.value ?? '';
    if (password !== (confirmRef.current?.value ?? '')) {
      form.failWith({ fields: { confirm: 'The two passwords differ. Type the same password twice.' } });
      return;
    }
    setSubmitting(true);
    form.reset();
    try {
      const { admin } = await authApi.setup({ username, password });
      onDone(admin);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'auth.setup_done') {
        onAlreadySetUp();
        return;
      }
      form.fail(error);
      setSubmitting(false);
    }
  };

  return (
    <AuthCard
      title="Welcome to AdlerDo"
      intro="Create the first administrator. You will sign in with this username and password."
    >
      <form id={FORM_ID} className="form" noValidate onSubmit={submit}>
        <TextField
          formId={FORM_ID}
          name="username"
          label="Username"
          hint="Letters, digits and . _ @ + - only."
          error={form.fieldError('username')}
          input={{
            value: username,
            autoComplete: 'username',
            autoCapitalize: 'none',
            spellCheck: false,
            required: true,
            onChange: (e) => {
              setUsername(e.target.value);
              form.clearField('username');
            },
          }}
        />
        <TextField
          formId={FORM_ID}
          name="password"
          label="Password"
          hint="At least 10 characters."
          error={form.fieldError('password')}
          input={{
            ref: passwordRef,
            type: 'password',
            autoComplete: 'new-password',
            required: true,
            onChange: () => form.clearField('password'),
          }}
        />
        <TextField
          formId={FORM_ID}
          name="confirm"
          label="Repeat password"
          error={form.fieldError('confirm')}
          input={{
            ref: confirmRef,
            type: 'password',
            autoComplete: 'new-password',
            required: true,
            onChange: () => form.clearField('confirm'),
          }}
        />
        {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={submitting}
          aria-busy={submitting}
        >
          {submitting ? 'Creating…' : 'Create administrator'}
        </button>
      </form>
    </AuthCard>
  );
}
