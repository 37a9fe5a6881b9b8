import { fieldId, type FormFailure } from './form-errors.ts';

/** After a failed submit: focus the first field with a message (in form order), else the form-level alert. */
export function focusFirstProblem(
  formId: string,
  order: readonly string[],
  failure: FormFailure,
  alert: HTMLElement | null,
): void {
  const first = order.find((name) => failure.fields[name] !== undefined);
  const target = first ? document.getElementById(fieldId(formId, first)) : alert;
  target?.focus();
}
