import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields, useRepeatedPassword } from './NewPasswordFields.tsx';
import { adminsApi } from '../admins-api.ts';
import { USERNAME_INPUT } from '../lib/auth-inputs.ts';
import { useSecretForm } from '../lib/use-secret-form.ts';
import { TextField } from './Field.tsx';
import { FormSubmit } from './FormSubmit.tsx';

const FORM_ID = 'add-admin';
const FIELDS = ['username', 'password', 'confirm'] as const;

/** Another person who may sign in, with the same rights as everyone else here. */
export function AddAdminForm({ onAdded }: { onAdded: (username: string) => void }) {
  const { t } = useTranslation('auth');
  const [username, setUsername] = useState('');
  const { confirmRef, check } = useRepeatedPassword();
  const form = useSecretForm(FORM_ID, FIELDS);

  const submit = form.onSubmit({
    check,
    send: async (password) => {
      const { admin } = await adminsApi.create({ username, password });
      setUsername('');
      // The password inputs are uncontrolled (use-secret-form.ts): empty them for the next one.
      (document.getElementById(FORM_ID) as HTMLFormElement | null)?.reset();
      onAdded(admin.username);
    },
    keepSecret: true,
  });

  return (
    <form id={FORM_ID} className="form" noValidate onSubmit={submit}>
      <TextField
        {...form.textProps('username', username, setUsername, USERNAME_INPUT)}
        label={t('username')}
        hint={t('usernameHint')}
      />
      <NewPasswordFields secretProps={form.secretProps} confirmRef={confirmRef} />
      <FormSubmit form={form} busy={form.busy} label={t('admins:add')} busyLabel={t('admins:adding')} />
    </form>
  );
}
