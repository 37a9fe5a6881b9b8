import { useState, type FormEvent } from 'react';
import type { Account, PriceRounding } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { fieldId } from '../lib/form-errors.ts';
import { SETTINGS_FIELDS, toDraft, toPatch, type SettingsDraft } from '../lib/settings-draft.ts';
import { useCarrierCodes } from '../lib/use-carrier-codes.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { CarrierSelect } from './CarrierSelect.tsx';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Link } from './Link.tsx';
import { Notice } from './Notice.tsx';
import { StorefrontPicker } from './StorefrontPicker.tsx';
import { StorefrontPriceRules } from './StorefrontPriceRules.tsx';
import { Toggle } from './Toggle.tsx';

const ROUNDING: Record<PriceRounding, string> = {
  none: 'No rounding',
  up_99: 'Round up to .99',
  up_95: 'Round up to .95',
  up_90: 'Round up to .90',
  whole: 'Round up to a whole amount',
};

type TextKey =
  | 'handlingTimeDays'
  | 'shippingGroupId'
  | 'safetyBuffer'
  | 'allocationPercent'
  | 'allocationMax'
  | 'factor'
  | 'surcharge';

interface Props {
  account: Account;
  onSaved: (account: Account) => void;
  onCancel: () => void;
}

export function AccountSettingsForm({ account, onSaved, onCancel }: Props) {
  const formId = `settings-${account.id}`;
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(account.settings, account.storefronts));
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormFailure(formId, SETTINGS_FIELDS);
  const carriers = useCarrierCodes(account.id);

  const change = <K extends keyof SettingsDraft>(key: K, field: string, value: SettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
    form.clearField(field);
  };
  const text = (key: TextKey, field: string) => ({
    value: draft[key],
    autoComplete: 'off',
    onChange: (e: { target: { value: string } }) => change(key, field, e.target.value),
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const result = toPatch(draft);
    if ('errors' in result) {
      form.failWith({ fields: result.errors });
      return;
    }
    setSubmitting(true);
    form.reset();
    try {
      const updated = await accountsApi.updateSettings(account.id, result.patch);
      setDraft(toDraft(updated.settings, updated.storefronts));
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      form.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  const frame = (name: string) => ({ formId, name, error: form.fieldError(name) });
  return (
    <form
      id={formId}
      className="form panel"
      noValidate
      onSubmit={submit}
      aria-label={`Settings for ${account.name}`}
    >
      <fieldset className="fieldset">
        <legend>What to sync</legend>
        <Toggle
          id={fieldId(formId, 'settings.productStockSync')}
          label="Product & stock sync"
          description="Keep offers, stock and prices on Kaufland in step with your ERP. This changes live offers."
          checked={draft.productStockSync}
          onChange={(v) => change('productStockSync', 'settings.productStockSync', v)}
        />
        <Toggle
          id={fieldId(formId, 'settings.orderImport')}
          label="Order import"
          description="Bring new Kaufland orders into AdlerDo and forward them to your ERP."
          checked={draft.orderImport}
          onChange={(v) => change('orderImport', 'settings.orderImport', v)}
        />
        <Toggle
          id={fieldId(formId, 'settings.shipmentConfirmation')}
          label="Shipment confirmation"
          description="Send shipments and tracking numbers from your ERP back to Kaufland."
          checked={draft.shipmentConfirmation}
          onChange={(v) => change('shipmentConfirmation', 'settings.shipmentConfirmation', v)}
        />
      </fieldset>
      {account.storefronts.length > 0 && (
        <StorefrontPicker
          formId={formId}
          available={account.storefronts}
          all={draft.allStorefronts}
          selected={draft.storefronts}
          error={form.fieldError('settings.storefronts')}
          onAllChange={(v) => change('allStorefronts', 'settings.storefronts', v)}
          onChange={(v) => change('storefronts', 'settings.storefronts', v)}
        />
      )}
      <fieldset className="fieldset">
        <legend>Offers and shipping</legend>
        <div className="form-grid">
          <TextField
            {...frame('settings.handlingTimeDays')}
            label="Default handling time (days)"
            hint="Days from order to dispatch, 0–100."
            input={{ ...text('handlingTimeDays', 'settings.handlingTimeDays'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.safetyBuffer')}
            label="Safety buffer (units)"
            hint="Kept back from Kaufland per SKU."
            input={{ ...text('safetyBuffer', 'settings.safetyBuffer'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.allocationPercent')}
            label="Share of the sellable quantity (%)"
            optional
            hint="For several accounts on one stock: offer only this share here. Empty = all of it."
            input={{ ...text('allocationPercent', 'settings.allocationPercent'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.allocationMax')}
            label="At most (units per SKU)"
            optional
            hint="Never offer more than this here. Empty = no maximum."
            input={{ ...text('allocationMax', 'settings.allocationMax'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.shippingGroupId')}
            label="Shipping group ID"
            optional
            hint="From the Seller Portal; empty = the shop's default."
            input={{ ...text('shippingGroupId', 'settings.shippingGroupId'), inputMode: 'numeric' }}
          />
          <FieldFrame
            {...frame('settings.defaultCarrier')}
            label="Default carrier"
            hint={
              <>
                {carriers.state === 'failed'
                  ? `Kaufland's carrier list could not be loaded: ${carriers.message} `
                  : 'For deliveries that name no carrier in Odoo. Odoo carriers are matched on the '}
                <Link to={`/carriers?account=${encodeURIComponent(account.id)}`}>Carriers page</Link>.
              </>
            }
          >
            {(control) => (
              <CarrierSelect
                codes={carriers}
                value={draft.defaultCarrier}
                control={control}
                onChange={(v) => change('defaultCarrier', 'settings.defaultCarrier', v)}
              />
            )}
          </FieldFrame>
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Price rule</legend>
        <p className="field-hint">
          Kaufland price = ERP price converted into the storefront&apos;s currency at the ERP&apos;s rate of
          the day, × factor + surcharge, then rounded. Every storefront uses this rule unless it has its own.
        </p>
        <div className="form-grid form-grid-3">
          <TextField
            {...frame('settings.priceRule.factor')}
            label="Price factor"
            hint="1 = the ERP price as is."
            input={{ ...text('factor', 'settings.priceRule.factor'), inputMode: 'decimal' }}
          />
          <TextField
            {...frame('settings.priceRule.surchargeMinor')}
            label="Surcharge"
            hint="In the storefront's currency, e.g. 0.50."
            input={{ ...text('surcharge', 'settings.priceRule.surchargeMinor'), inputMode: 'decimal' }}
          />
          <FieldFrame {...frame('settings.priceRule.rounding')} label="Rounding">
            {(control) => (
              <select
                className="input"
                {...control}
                value={draft.rounding}
                onChange={(e) =>
                  change('rounding', 'settings.priceRule.rounding', e.target.value as PriceRounding)
                }
              >
                {Object.entries(ROUNDING).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
        </div>
        <StorefrontPriceRules
          formId={formId}
          draft={draft.storefrontRules}
          accountRule={account.settings.priceRule}
          rounding={ROUNDING}
          fieldError={form.fieldError}
          onChange={(storefrontRules) => {
            setDraft((d) => ({ ...d, storefrontRules }));
            setSaved(false);
          }}
        />
      </fieldset>
      {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submitting} aria-busy={submitting}>
          {submitting ? 'Saving…' : 'Save settings'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Close
        </button>
        {saved && <Notice>Settings saved.</Notice>}
      </div>
    </form>
  );
}
