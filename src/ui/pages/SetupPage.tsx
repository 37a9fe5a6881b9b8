import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields, useRepeatedPassword } from '../components/NewPasswordFields.tsx';
import type { Admin } from '../api-types.ts';
import { ApiError } from '../api.ts';
import { authApi } from '../auth-api.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { TextField } from '../components/Field.tsx';
import { FormSubmit } from '../components/FormSubmit.tsx';
import { USERNAME_INPUT } from '../lib/auth-inputs.ts';
import { toFormFailure } from '../lib/form-errors.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useSecretForm } from '../lib/use-secret-form.ts';

const FORM_ID = 'setup';
const FIELDS = ['setupCode', 'username', 'password', 'confirm'] as const;
const SETUP_CODE_INPUT = { autoComplete: 'off', spellCheck: false, placeholder: 'XXXX-XXXX-XXXX' } as const;

interface Props {
  /** AdlerDo listens beyond this machine: setup also needs the one-time code from its log. */
  setupCodeRequired: boolean;
  onDone: (admin: Admin) => void;
  /** Someone else finished setup meanwhile: sign in instead. */
  onAlreadySetUp: () => void;
}

/** First start: there is no administrator yet, so the first visitor creates one. */
export function SetupPage({ setupCodeRequired, onDone, onAlreadySetUp }: Props) {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('setup.documentTitle'));
  const [username, setUsername] = useState('');
  const [setupCode, setSetupCode] = useState('');
  const { confirmRef, check } = useRepeatedPassword();
  const form = useSecretForm(FORM_ID, FIELDS);

  const submit = form.onSubmit({
    check,
    send: async (password) =>
      onDone(
        (await authApi.setup({ username, password, ...(setupCodeRequired ? { setupCode } : {}) })).admin,
      ),
    refused: (error) => {
      if (!(error instanceof ApiError && error.code === 'auth.setup_done'))
        return toFormFailure(error, FIELDS);
      onAlreadySetUp();
      return undefined;
    },
    keepSecret: true,
  });

  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <form id={FORM_ID} className="form" noValidate onSubmit={submit}>
        {setupCodeRequired && (
          <TextField
            {...form.textProps('setupCode', setupCode, setSetupCode, SETUP_CODE_INPUT)}
            label={t('setup.code')}
            hint={t('setup.codeHint')}
          />
        )}
        <TextField
          {...form.textProps('username', username, setUsername, USERNAME_INPUT)}
          label={t('username')}
          hint={t('usernameHint')}
        />
        <NewPasswordFields secretProps={form.secretProps} confirmRef={confirmRef} />
        <FormSubmit
          form={form}
          busy={form.busy}
          label={t('setup.submit')}
          busyLabel={t('setup.busy')}
          block
        />
      </form>
    </AuthCard>
  );
}
