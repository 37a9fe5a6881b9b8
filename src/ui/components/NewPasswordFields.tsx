import { useRef, type InputHTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/index.ts';
import type { FormFailure } from '../lib/form-errors.ts';
import { TextField, type TextFieldProps } from './Field.tsx';

type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
type SecretProps = (name: 'password' | 'confirm', input?: InputProps) => Omit<TextFieldProps, 'label'>;

const NEW_PASSWORD = { autoComplete: 'new-password' } as const;

/**
 * A new password typed twice (first setup, adding an administrator, changing a password). The repeat is checked
 * in the browser before anything is sent; it never goes to the server.
 */
export function useRepeatedPassword() {
  const confirmRef = useRef<HTMLInputElement>(null);
  const check = (password: string): FormFailure | undefined =>
    password === (confirmRef.current?.value ?? '')
      ? undefined
      : { fields: { confirm: i18n.t('passwordsDiffer', { ns: 'auth' }) } };
  return { confirmRef, check };
}

interface Props {
  secretProps: SecretProps;
  confirmRef: Ref<HTMLInputElement>;
  /** "Password" (first setup, a new administrator) or "New password" (changing one). */
  kind?: 'password' | 'new';
}

export function NewPasswordFields({ secretProps, confirmRef, kind = 'password' }: Props) {
  const { t } = useTranslation('auth');
  return (
    <>
      <TextField
        {...secretProps('password', NEW_PASSWORD)}
        label={t(kind === 'new' ? 'newPassword' : 'password')}
        hint={t('passwordHint')}
      />
      <TextField
        {...secretProps('confirm', { ...NEW_PASSWORD, ref: confirmRef })}
        label={t(kind === 'new' ? 'repeatNewPassword' : 'repeatPassword')}
      />
    </>
  );
}
