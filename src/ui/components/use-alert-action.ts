import { useState } from 'react';
import { toFormFailure, type FormFailure } from '../lib/form-errors.ts';

/**
 * One alert settings form's state: busy while a request runs, then either a success line or the server's
 * refusal split into messages under the form's own fields and one above its buttons.
 */
export function useAlertAction(shownFields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);

  const run = async (action: () => Promise<string>, failedTitle: string) => {
    setBusy(true);
    setNotice(null);
    setFailure(null);
    try {
      setNotice(await action());
    } catch (error) {
      const split = toFormFailure(error, shownFields);
      setFailure(split.form ? { ...split, form: { ...split.form, title: failedTitle } } : split);
    } finally {
      setBusy(false);
    }
  };

  return { busy, notice, failure, fieldError: (name: string) => failure?.fields[name], run };
}
