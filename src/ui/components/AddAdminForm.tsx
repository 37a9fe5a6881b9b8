import { useRef, useState } from 'react';
import { adminsApi } from '../admins-api.ts';
import { USERNAME_INPUT } from '../lib/auth-inputs.ts';
import { useSecretForm } from '../lib/use-secret-form.ts';
import { TextField } from './Field.tsx';
import { FormSubmit } from './FormSubmit.tsx';

const FORM_ID = 'add-admin';
const FIELDS = ['username', 'password', 'confirm'] as const;
const NEW_PASSWORD = { autoComplete: 'new-password' } as const;

/** Another person who may sign in, with the same rights as everyone else here. */
export function AddAdminForm({ onAdded }: { onAdded: (username: string) => void }) {
  const [username, setUsername] = useState('');
  const confirmRef = useRef<HTMLInputElement>(null);
  const form = useSecretForm(FORM_ID, FIELDS);

  const submit = form.onSubmit({
    check: (password) =>
      password === (confirmRef.current?.value ?? '')
        ? undefined
        : { fields: { confirm: 'The two passwords differ. Type the same password twice.' } },
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
        label="Username"
        hint="Letters, digits and . _ @ + - only."
      />
      <TextField
        {...form.secretProps('password', NEW_PASSWORD)}
        label="Password"
        hint="At least 10 characters."
      />
      <TextField
        {...form.secretProps('confirm', { ...NEW_PASSWORD, ref: confirmRef })}
        label="Repeat password"
      />
      <FormSubmit form={form} busy={form.busy} label="Add administrator" busyLabel="Adding…" />
    </form>
  );
}
