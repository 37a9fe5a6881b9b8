import { useState, type FormEvent } from 'react';
import { erpApi } from '../erp-api.ts';
import type { Erp } from '../erp-types.ts';
import {
  ERP_SETTINGS_FIELDS,
  toErpDraft,
  toErpPatch,
  type ErpSettingsDraft,
} from '../lib/erp-settings-draft.ts';
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
      form.fail(error);
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
          label="Warehouse"
          hint="Stock is read from this warehouse’s stock location."
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
                  {erp.warehouses.length === 0 ? 'No warehouses found' : 'Select…'}
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
          label="Safety buffer (units)"
          hint="Held back from every marketplace per SKU; each account can hold back more."
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
          {submitting ? 'Saving…' : 'Save settings'}
        </button>
        {saved && <Notice>Settings saved.</Notice>}
      </div>
    </form>
  );
}
