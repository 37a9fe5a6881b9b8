import type { Ref } from 'react';

export interface FormAlertProps {
  tone: 'error' | 'warning';
  title: string;
  message: string;
  /** What to do about it, when the message alone does not say. */
  hint?: string | undefined;
  ref?: Ref<HTMLDivElement>;
}

/** A form-level problem (keys rejected, marketplace unreachable). Focusable so it can be moved to and read out. */
export function FormAlert({ tone, title, message, hint, ref }: FormAlertProps) {
  return (
    <div className={`alert alert-${tone}`} role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">{title}</p>
      <p className="alert-message">{message}</p>
      {hint && <p className="alert-hint">{hint}</p>}
    </div>
  );
}
