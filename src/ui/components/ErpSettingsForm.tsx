import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { erpApi } from '../erp-api.ts';
import type { Erp } from '../erp-types.ts';
import {
  ERP_SETTINGS_FIELDS,
  toErpDraft,
  toErpPatch,
  type ErpSettingsDraft,
} from '../lib/erp-settings-draft.ts';
import { toErpFailure } from '../lib/erp-errors.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { ProductTypePicker } from './ProductTypePicker.tsx';

const FORM_ID = 'erp-settings';

interface Props {
  erp: Erp;
  onSaved: (erp: Erp) => void;
}

/** What the sync reads from the ERP: which warehouse's stock, how much to hold back, which products. */
export function ErpSettingsForm({ erp, onSaved }: Props) {
  const { t } = useTranslation('erp');
  const [draft, setDraft] = useState<ErpSettingsDraft>(() => toErpDraft(erp.settings));
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormFailure(FORM_ID, ERP_SETTINGS_FIELDS);

  const change = <K extends keyof ErpSettingsDraft>(key: K, value: ErpSettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
    form.clearField(`settings.${key}`);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const result = toErpPatch(draft);
    if ('errors' in result) {
      form.failWith({ fields: result.errors });
      return;
    }
    setSubmitting(true);
    form.reset();
    try {
      const updated = await erpApi.updateSettings(result.patch);
      setDraft(toErpDraft(updated.settings));
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      form.failWith(toErpFailure(error, ERP_SETTINGS_FIELDS, 'settings'));
    } finally {
      setSubmitting(false);
    }
  };

  const frame = (name: string) => ({ formId: FORM_ID, name, error: form.fieldError(name) });
  return (
    <form id={FORM_ID} className="form" noValidate onSubmit={submit} aria-labelledby="erp-settings-heading">
      <div className="form-grid">
        <FieldFrame
          {...frame('settings.warehouseId')}
          label={t('settings.warehouse')}
          hint={t('settings.warehouseHint')}
        >
          {(control) => (
            <select
              className="input"
              {...control}
              value={draft.warehouseId}
              disabled={erp.warehouses.length === 0}
              onChange={(e) => change('warehouseId', e.target.value)}
            >
              {draft.warehouseId === '' && (
                <option value="" disabled>
                  {erp.warehouses.length === 0 ? t('settings.noWarehouses') : t('settings.select')}
                </option>
              )}
              {erp.warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.code ? `${w.code} — ${w.name}` : w.name}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <TextField
          {...frame('settings.safetyBuffer')}
          label={t('settings.buffer')}
          hint={t('settings.bufferHint')}
          input={{
            value: draft.safetyBuffer,
            autoComplete: 'off',
            inputMode: 'numeric',
            onChange: (e) => change('safetyBuffer', e.target.value),
          }}
        />
      </div>
      <ProductTypePicker
        formId={FORM_ID}
        selected={draft.productTypes}
        error={form.fieldError('settings.productTypes')}
        onChange={(v) => change('productTypes', v)}
      />
      {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submitting} aria-busy={submitting}>
          {submitting ? t('settings.saving') : t('settings.save')}
        </button>
        {saved && <Notice>{t('settings.saved')}</Notice>}
      </div>
    </form>
  );
}
