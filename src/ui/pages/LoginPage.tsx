import { useRef, useState, type FormEvent } from 'react';
import type { Admin } from '../api-types.ts';
import { ApiError } from '../api.ts';
import { authApi } from '../auth-api.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { Notice } from '../components/Notice.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';

const FORM_ID = 'login';
const FIELDS = ['username', 'password'] as const;

interface Props {
  /** Why the user is here again, e.g. "You are signed out." */
  notice: string | undefined;
  onSignedIn: (admin: Admin) => void;
}

export function LoginPage({ notice, onSignedIn }: Props) {
  useDocumentTitle('Sign in');
  const [username, setUsername] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useFormFailure(FORM_ID, FIELDS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    form.reset();
    try {
      const { admin } = await authApi.login({ username, password: passwordRef.current?.value ?? '' });
      onSignedIn(admin);
    } catch (error) {
      if (passwordRef.current) passwordRef.current.value = '';
      const wrong = error instanceof ApiError && error.code === 'auth.invalid';
      if (wrong)
        form.failWith({
          fields: {},
          form: { tone: 'error', title: 'Not signed in', message: error.message },
        });
      else form.fail(error);
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title="Sign in" intro="Sign in to manage your marketplace accounts and their sync.">
      {notice && <Notice>{notice}</Notice>}
      <form id={FORM_ID} className="form" noValidate onSubmit={submit}>
        <TextField
          formId={FORM_ID}
          name="username"
          label="Username"
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
          error={form.fieldError('password')}
          input={{
            ref: passwordRef,
            type: 'password',
            autoComplete: 'current-password',
            required: true,
            onChange: () => form.clearField('password'),
          }}
        />
        {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={submitting}
          aria-busy={submitting}
        >
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
