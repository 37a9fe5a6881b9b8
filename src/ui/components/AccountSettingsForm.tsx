import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, PriceRounding } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { fieldId } from '../lib/form-errors.ts';
import { settingsFields, toDraft, toPatch, type SettingsDraft } from '../lib/settings-draft.ts';
import { useCarrierCodes } from '../lib/use-carrier-codes.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { CarrierSelect } from './CarrierSelect.tsx';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Link } from './Link.tsx';
import { Notice } from './Notice.tsx';
import { StorefrontPicker } from './StorefrontPicker.tsx';
import { StorefrontPriceRules } from './StorefrontPriceRules.tsx';
import { StorefrontShipping } from './StorefrontShipping.tsx';
import { Toggle } from './Toggle.tsx';

const ROUNDINGS: readonly PriceRounding[] = ['none', 'up_99', 'up_95', 'up_90', 'whole'];

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
  const { t } = useTranslation('accounts');
  const rounding = Object.fromEntries(ROUNDINGS.map((r) => [r, t(`settings.round.${r}`)])) as Record<
    PriceRounding,
    string
  >;
  const formId = `settings-${account.id}`;
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(account.settings, account.storefronts));
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormFailure(formId, settingsFields(account.storefronts, account.settings));
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
      aria-label={t('settings.formLabel', { name: account.name })}
    >
      <fieldset className="fieldset">
        <legend>{t('settings.whatToSync')}</legend>
        <Toggle
          id={fieldId(formId, 'settings.productStockSync')}
          label={t('sync.productStockSync')}
          description={t('settings.productStockSyncHint')}
          checked={draft.productStockSync}
          onChange={(v) => change('productStockSync', 'settings.productStockSync', v)}
        />
        <Toggle
          id={fieldId(formId, 'settings.orderImport')}
          label={t('sync.orderImport')}
          description={t('settings.orderImportHint')}
          checked={draft.orderImport}
          onChange={(v) => change('orderImport', 'settings.orderImport', v)}
        />
        <Toggle
          id={fieldId(formId, 'settings.shipmentConfirmation')}
          label={t('sync.shipmentConfirmation')}
          description={t('settings.shipmentConfirmationHint')}
          checked={draft.shipmentConfirmation}
          onChange={(v) => change('shipmentConfirmation', 'settings.shipmentConfirmation', v)}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('settings.afterSale')}</legend>
        <Toggle
          id={fieldId(formId, 'settings.invoiceOnShipment')}
          label={t('settings.invoiceOnShipment')}
          description={t('settings.invoiceOnShipmentHint')}
          checked={draft.invoiceOnShipment}
          onChange={(v) => change('invoiceOnShipment', 'settings.invoiceOnShipment', v)}
        />
        <Toggle
          id={fieldId(formId, 'settings.autoAcceptReturns')}
          label={t('settings.autoAcceptReturns')}
          description={t('settings.autoAcceptReturnsHint')}
          checked={draft.autoAcceptReturns}
          onChange={(v) => change('autoAcceptReturns', 'settings.autoAcceptReturns', v)}
        />
        <Toggle
          id={fieldId(formId, 'settings.postCreditNotes')}
          label={t('settings.postCreditNotes')}
          description={t('settings.postCreditNotesHint')}
          checked={draft.postCreditNotes}
          onChange={(v) => change('postCreditNotes', 'settings.postCreditNotes', v)}
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
        <legend>{t('settings.offersShipping')}</legend>
        <div className="form-grid">
          <TextField
            {...frame('settings.handlingTimeDays')}
            label={t('settings.handlingTime')}
            hint={t('settings.handlingTimeHint')}
            input={{ ...text('handlingTimeDays', 'settings.handlingTimeDays'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.shippingGroupId')}
            label={t('settings.shippingGroup')}
            optional
            hint={t('settings.shippingGroupHint')}
            input={{ ...text('shippingGroupId', 'settings.shippingGroupId'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.safetyBuffer')}
            label={t('settings.safetyBuffer')}
            hint={t('settings.safetyBufferHint')}
            input={{ ...text('safetyBuffer', 'settings.safetyBuffer'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.allocationPercent')}
            label={t('settings.allocationPercent')}
            optional
            hint={t('settings.allocationPercentHint')}
            input={{ ...text('allocationPercent', 'settings.allocationPercent'), inputMode: 'numeric' }}
          />
          <TextField
            {...frame('settings.allocationMax')}
            label={t('settings.allocationMax')}
            optional
            hint={t('settings.allocationMaxHint')}
            input={{ ...text('allocationMax', 'settings.allocationMax'), inputMode: 'numeric' }}
          />
          <FieldFrame
            {...frame('settings.defaultCarrier')}
            label={t('settings.defaultCarrier')}
            hint={
              <>
                {carriers.state === 'failed'
                  ? t('settings.carriersFailed', { message: carriers.message })
                  : t('settings.carrierHint')}
                <Link to={`/carriers?account=${encodeURIComponent(account.id)}`}>
                  {t('settings.carriersPage')}
                </Link>
                .
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
        <StorefrontShipping
          formId={formId}
          codes={draft.allStorefronts ? account.storefronts : draft.storefronts}
          draft={draft.storefrontShipping}
          accountValues={{ handlingTimeDays: draft.handlingTimeDays, shippingGroupId: draft.shippingGroupId }}
          fieldError={form.fieldError}
          onChange={(storefrontShipping) => {
            setDraft((d) => ({ ...d, storefrontShipping }));
            setSaved(false);
          }}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('settings.priceRule')}</legend>
        <p className="field-hint">{t('settings.priceRuleHint')}</p>
        <div className="form-grid form-grid-3">
          <TextField
            {...frame('settings.priceRule.factor')}
            label={t('settings.factor')}
            hint={t('settings.factorHint')}
            input={{ ...text('factor', 'settings.priceRule.factor'), inputMode: 'decimal' }}
          />
          <TextField
            {...frame('settings.priceRule.surchargeMinor')}
            label={t('settings.surcharge')}
            hint={t('settings.surchargeHint')}
            input={{ ...text('surcharge', 'settings.priceRule.surchargeMinor'), inputMode: 'decimal' }}
          />
          <FieldFrame {...frame('settings.priceRule.rounding')} label={t('settings.rounding')}>
            {(control) => (
              <select
                className="input"
                {...control}
                value={draft.rounding}
                onChange={(e) =>
                  change('rounding', 'settings.priceRule.rounding', e.target.value as PriceRounding)
                }
              >
                {Object.entries(rounding).map(([value, label]) => (
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
          rounding={rounding}
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
          {submitting ? t('settings.saving') : t('settings.save')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common:close')}
        </button>
        {saved && <Notice>{t('settings.saved')}</Notice>}
      </div>
    </form>
  );
}
