import type { ReactNode, RefObject } from 'react';
import type { FormFailure } from '../lib/form-errors.ts';
import { FormAlert } from './FormAlert.tsx';

interface Props {
  /** From useFormFailure: the form-level message, and where focus goes when it appears. */
  form: { failure: FormFailure | null; alertRef: RefObject<HTMLDivElement | null> };
  busy: boolean;
  label: string;
  /** Says what is happening while the request runs, e.g. "Connecting…". */
  busyLabel: string;
  tone?: 'primary' | 'success';
  /** Full width and alone, as on the sign-in cards; otherwise in a row with `children` (Cancel, progress). */
  block?: boolean;
  children?: ReactNode;
}

/** The end of a form: its form-level problem right above the button that caused it. */
export function FormSubmit({ form, busy, label, busyLabel, tone = 'primary', block, children }: Props) {
  const button = (
    <button
      type="submit"
      className={block ? `btn btn-${tone} btn-block` : `btn btn-${tone}`}
      disabled={busy}
      aria-busy={busy}
    >
      {busy ? busyLabel : label}
    </button>
  );
  return (
    <>
      {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
      {block ? (
        button
      ) : (
        <div className="form-actions">
          {button}
          {children}
        </div>
      )}
    </>
  );
}
