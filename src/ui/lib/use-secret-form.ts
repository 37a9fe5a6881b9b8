import {
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type InputHTMLAttributes,
  type Ref,
} from 'react';
import { toFormFailure, type FormFailure } from './form-errors.ts';
import { useFormFailure } from './use-form-failure.ts';

type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

/** Keys, IDs and URLs: the browser's autofill and spell check only get in the way of pasted random letters. */
export const KEY_INPUT = { autoComplete: 'off', spellCheck: false } as const;

export interface SecretSubmit {
  /** What can be told without the server; a failure here sends nothing and keeps the secret as typed. */
  check?: (secret: string) => FormFailure | undefined;
  send: (secret: string) => Promise<void>;
  /** What to show for a refused send; undefined when the form handled it otherwise. Default: the API's messages. */
  refused?: (error: unknown) => FormFailure | undefined;
  /** Leave the secret typed after a refusal: a new password, typed twice, should outlive a refused username. */
  keepSecret?: boolean;
}

/**
 * A form that sends a secret (key or password) with a few plain fields: one send at a time, a busy state for
 * the button, messages under the fields and above the button. The secret's input is uncontrolled on purpose: a
 * controlled one would mirror the secret into the DOM's value attribute.
 */
export function useSecretForm<Field extends string>(formId: string, fields: readonly Field[]) {
  const form = useFormFailure(formId, fields);
  const [busy, setBusy] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);

  return {
    ...form,
    formId,
    busy,
    /** TextField props for a field held in state; typing clears its message. */
    textProps: (name: Field, value: string, set: (value: string) => void, input?: InputProps) => ({
      formId,
      name,
      error: form.fieldError(name),
      input: {
        value,
        onChange: (e: ChangeEvent<HTMLInputElement>) => {
          set(e.target.value);
          form.clearField(name);
        },
        ...input,
      },
    }),
    /** TextField props for the secret; a second password input passes its own `ref`. */
    secretProps: (name: Field, input?: InputProps) => ({
      formId,
      name,
      error: form.fieldError(name),
      input: {
        ref: secretRef,
        type: 'password',
        required: true,
        onChange: () => form.clearField(name),
        ...input,
      },
    }),
    onSubmit: (submit: SecretSubmit) => async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      const secret = secretRef.current?.value ?? '';
      const problem = submit.check?.(secret);
      if (problem) {
        form.failWith(problem);
        return;
      }
      setBusy(true);
      form.reset();
      try {
        await submit.send(secret);
      } catch (error) {
        const failure = submit.refused ? submit.refused(error) : toFormFailure(error, fields);
        if (failure) form.failWith(failure);
      } finally {
        if (!submit.keepSecret && secretRef.current) secretRef.current.value = '';
        setBusy(false);
      }
    },
  };
}

export type SecretForm = ReturnType<typeof useSecretForm<string>>;
