import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields, useRepeatedPassword } from './NewPasswordFields.tsx';
import type { AdminSummary } from '../admins-api.ts';
import { adminsApi } from '../admins-api.ts';
import { TextField } from './Field.tsx';
import { FormSubmit } from './FormSubmit.tsx';
import { useSecretForm } from '../lib/use-secret-form.ts';

const FIELDS = ['currentPassword', 'password', 'confirm'] as const;

interface Props {
  admin: AdminSummary;
  /** One's own password needs the current one; another administrator's is simply reset. */
  self: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** A new password for one administrator. Their other sessions end, so whoever knew the old one is out. */
export function AdminPasswordForm({ admin, self, onDone, onCancel }: Props) {
  const { t } = useTranslation('admins');
  const formId = `password-${admin.id}`;
  const form = useSecretForm(formId, FIELDS);
  const currentRef = useRef<HTMLInputElement>(null);
  const { confirmRef, check } = useRepeatedPassword();

  const submit = form.onSubmit({
    check,
    send: async (password) => {
      await adminsApi.setPassword(admin.id, {
        password,
        ...(self ? { currentPassword: currentRef.current?.value ?? '' } : {}),
      });
      onDone(self ? t('password.doneSelf') : t('password.doneOther', { name: admin.username }));
    },
    keepSecret: true,
  });

  return (
    <form
      id={formId}
      className="form"
      noValidate
      onSubmit={submit}
      aria-label={t('password.formLabel', { name: admin.username })}
    >
      {self && (
        <TextField
          formId={formId}
          name="currentPassword"
          label={t('password.current')}
          error={form.fieldError('currentPassword')}
          input={{
            ref: currentRef,
            type: 'password',
            autoComplete: 'current-password',
            required: true,
            onChange: () => form.clearField('currentPassword'),
          }}
        />
      )}
      <NewPasswordFields secretProps={form.secretProps} confirmRef={confirmRef} kind="new" />
      <FormSubmit form={form} busy={form.busy} label={t('password.submit')} busyLabel={t('password.busy')}>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </FormSubmit>
    </form>
  );
}
