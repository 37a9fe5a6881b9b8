import { useTranslation } from 'react-i18next';
import type { SecretForm } from '../lib/use-secret-form.ts';
import { FieldFrame } from './Field.tsx';

interface Props {
  form: Pick<SecretForm, 'formId' | 'fieldError' | 'clearField'>;
  label: string;
  types: { type: string; name: string }[];
  /** '' until one is picked: "Select…" shows then, and cannot be picked back. */
  value: string;
  onChange: (type: string) => void;
}

/** The first choice of a connect form: which kind of system (marketplace, ERP) it is for. */
export function TypeSelect({ form, label, types, value, onChange }: Props) {
  const { t } = useTranslation('accounts');
  return (
    <FieldFrame formId={form.formId} name="type" label={label} error={form.fieldError('type')}>
      {(control) => (
        <select
          className="input"
          {...control}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            form.clearField('type');
          }}
        >
          <option value="" disabled>
            {t('add.select')}
          </option>
          {types.map((choice) => (
            <option key={choice.type} value={choice.type}>
              {choice.name}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
