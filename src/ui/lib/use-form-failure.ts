import { useEffect, useRef, useState } from 'react';
import { focusFirstProblem } from './focus-first-problem.ts';
import { toFormFailure, type FormFailure } from './form-errors.ts';

/**
 * A form's failed-submit state: messages by field and one form-level alert. Focus moves to the first problem
 * once per failed submit (not on every later edit, which would yank the cursor away).
 */
export function useFormFailure(formId: string, fieldOrder: readonly string[]) {
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0 && failure) focusFirstProblem(formId, fieldOrder, failure, alertRef.current);
    // Only a new attempt moves focus; later edits of `failure` (clearField) must not.
  }, [attempt]);

  return {
    failure,
    alertRef,
    fieldError: (name: string): string | undefined => failure?.fields[name],
    /** Records a failed submit from a thrown error (an ApiError or a client-side check). */
    fail: (error: unknown): FormFailure => {
      const next = toFormFailure(error, fieldOrder);
      setFailure(next);
      setAttempt((n) => n + 1);
      return next;
    },
    failWith: (next: FormFailure) => {
      setFailure(next);
      setAttempt((n) => n + 1);
    },
    clearField: (name: string) =>
      setFailure((current) =>
        current?.fields[name] ? { ...current, fields: { ...current.fields, [name]: undefined } } : current,
      ),
    reset: () => setFailure(null),
  };
}
