import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormFailure } from '../lib/form-errors.ts';
import { KEY_INPUT, useSecretForm } from '../lib/use-secret-form.ts';
import { TextField } from './Field.tsx';
import { FormSubmit } from './FormSubmit.tsx';

interface Props {
  formId: string;
  /** The form's accessible name, e.g. "Update keys for My Store". */
  label: string;
  /** Where the new key comes from. */
  intro: ReactNode;
  /**
   * What the key belongs to (Client ID, login): left empty, the stored one stays — unless `required` (Kaufland
   * replaces the Client ID together with the secret, so keeping the old one can only fail).
   */
  keep: { name: string; label: string; current: string; required?: { hint: string; missing: string } };
  secret: { name: string; label: string };
  saveLabel: string;
  /** Proves the new key with the vendor and stores it; `kept` is undefined when the stored one stays. */
  save: (secret: string, kept: string | undefined) => Promise<void>;
  refused?: (error: unknown, fields: readonly string[]) => FormFailure;
  onCancel: () => void;
}

/** A new key for a connection whose old one was regenerated, deleted or expired. */
export function ReplaceKeyForm({
  formId,
  label,
  intro,
  keep,
  secret,
  saveLabel,
  save,
  refused,
  onCancel,
}: Props) {
  const { t } = useTranslation('accounts');
  const [kept, setKept] = useState('');
  const fields = [keep.name, secret.name];
  const form = useSecretForm(formId, fields);
  const required = keep.required;

  const submit = form.onSubmit({
    ...(required && {
      check: (value: string) => {
        const missing: Record<string, string> = {};
        if (kept.trim() === '') missing[keep.name] = required.missing;
        if (value.trim() === '') missing[secret.name] = t('replace.missing', { label: secret.label });
        return Object.keys(missing).length > 0 ? { fields: missing } : undefined;
      },
    }),
    send: (value) => save(value, kept.trim() || undefined),
    ...(refused && { refused: (error: unknown) => refused(error, fields) }),
  });

  return (
    <form id={formId} className="form panel" noValidate onSubmit={submit} aria-label={label}>
      <p className="panel-intro">{intro}</p>
      <div className="form-grid">
        <TextField
          {...form.textProps(keep.name, kept, setKept, KEY_INPUT)}
          label={keep.label}
          optional={!keep.required}
          hint={keep.required?.hint ?? t('replace.keepHint', { current: keep.current })}
        />
        <TextField {...form.secretProps(secret.name, KEY_INPUT)} label={secret.label} />
      </div>
      <FormSubmit form={form} busy={form.busy} label={saveLabel} busyLabel={t('replace.busy')}>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </FormSubmit>
    </form>
  );
}
