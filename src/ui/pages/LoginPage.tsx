import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Admin } from '../api-types.ts';
import { ApiError } from '../api.ts';
import { authApi } from '../auth-api.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { TextField } from '../components/Field.tsx';
import { FormSubmit } from '../components/FormSubmit.tsx';
import { Notice } from '../components/Notice.tsx';
import { errorMessage } from '../lib/error-text.ts';
import { toFormFailure } from '../lib/form-errors.ts';
import { USERNAME_INPUT } from '../lib/auth-inputs.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useSecretForm } from '../lib/use-secret-form.ts';

const FORM_ID = 'login';
const FIELDS = ['username', 'password'] as const;

interface Props {
  /** Why the user is here again, e.g. "You are signed out." */
  notice: string | undefined;
  onSignedIn: (admin: Admin) => void;
}

export function LoginPage({ notice, onSignedIn }: Props) {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const form = useSecretForm(FORM_ID, FIELDS);

  const submit = form.onSubmit({
    send: async (password) => onSignedIn((await authApi.login({ username, password })).admin),
    // The default title ("Not saved") suits forms that store something; this one signs in. A 429 (too many
    // wrong passwords from here) says how long to wait.
    refused: (error) =>
      error instanceof ApiError && (error.code === 'auth.invalid' || error.status === 429)
        ? { fields: {}, form: { tone: 'error', title: t('login.refused'), message: errorMessage(error) } }
        : toFormFailure(error, FIELDS),
  });

  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      {notice && <Notice>{notice}</Notice>}
      <form id={FORM_ID} className="form" noValidate onSubmit={submit}>
        <TextField
          {...form.textProps('username', username, setUsername, USERNAME_INPUT)}
          label={t('username')}
        />
        <TextField
          {...form.secretProps('password', { autoComplete: 'current-password' })}
          label={t('password')}
        />
        <FormSubmit
          form={form}
          busy={form.busy}
          label={t('login.submit')}
          busyLabel={t('login.busy')}
          block
        />
      </form>
    </AuthCard>
  );
}
