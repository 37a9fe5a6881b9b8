import { useRef, type InputHTMLAttributes, type Ref } from 'react';
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
      : { fields: { confirm: 'The two passwords differ. Type the same password twice.' } };
  return { confirmRef, check };
}

interface Props {
  secretProps: SecretProps;
  confirmRef: Ref<HTMLInputElement>;
  /** "Password" or "New password"; the repeat field is "Repeat <label, lower case>". */
  label?: string;
}

export function NewPasswordFields({ secretProps, confirmRef, label = 'Password' }: Props) {
  return (
    <>
      <TextField {...secretProps('password', NEW_PASSWORD)} label={label} hint="At least 10 characters." />
      <TextField
        {...secretProps('confirm', { ...NEW_PASSWORD, ref: confirmRef })}
        label={`Repeat ${label.toLowerCase()}`}
      />
    </>
  );
}
