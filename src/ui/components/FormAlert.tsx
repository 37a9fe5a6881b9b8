import type { Ref } from 'react';

export interface FormAlertProps {
  tone: 'error' | 'warning';
  title: string;
  message: string;
  ref?: Ref<HTMLDivElement>;
}

/** A form-level problem (keys rejected, marketplace unreachable). Focusable so it can be moved to and read out. */
export function FormAlert({ tone, title, message, ref }: FormAlertProps) {
  return (
    <div className={`alert alert-${tone}`} role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">{title}</p>
      <p>{message}</p>
    </div>
  );
}
