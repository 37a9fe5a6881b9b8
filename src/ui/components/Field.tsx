import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { errorId, fieldId } from '../lib/form-errors.ts';

interface FrameProps {
  formId: string;
  /** The server's field name; error messages arrive under it. */
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export interface ControlProps {
  id: string;
  name: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** Label above, the control, then its hint and its error message, wired up for screen readers. */
export function FieldFrame({ formId, name, label, hint, error, optional, children }: FrameProps) {
  const { t } = useTranslation('common');
  const id = fieldId(formId, name);
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId(formId, name) : undefined, hint ? hintId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('optional')}</span>}
      </label>
      {children({
        id,
        name,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {error && (
        <p className="field-error" id={errorId(formId, name)}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & {
  ref?: Ref<HTMLInputElement>;
};

export interface TextFieldProps extends Omit<FrameProps, 'children'> {
  input: InputProps;
}

export function TextField({ input, ...frame }: TextFieldProps) {
  return (
    <FieldFrame {...frame}>{(control) => <input className="input" {...input} {...control} />}</FieldFrame>
  );
}
