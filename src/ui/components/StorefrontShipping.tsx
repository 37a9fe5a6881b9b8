import { useTranslation } from 'react-i18next';
import {
  shippingDraft,
  shippingField,
  type StorefrontShippingDraft,
  type StorefrontShippingMapDraft,
} from '../lib/storefront-shipping-draft.ts';
import { storefrontName } from '../lib/storefronts.ts';
import { TextField } from './Field.tsx';

interface Props {
  formId: string;
  /** The storefronts being synced, in the order shown. */
  codes: readonly string[];
  draft: StorefrontShippingMapDraft;
  /** The account's values as typed above: what a storefront without its own uses. */
  accountValues: StorefrontShippingDraft;
  fieldError: (name: string) => string | undefined;
  onChange: (draft: StorefrontShippingMapDraft) => void;
}

/**
 * Per synced storefront: the account's handling time and shipping group, or its own (a slower warehouse
 * route to one country, a shipping group with that country's rates), each field saying what it does.
 */
export function StorefrontShipping({ formId, codes, draft, accountValues, fieldError, onChange }: Props) {
  const { t } = useTranslation('accounts');
  const set = (code: string, own: StorefrontShippingDraft | null) => onChange({ ...draft, [code]: own });
  const accountDays = Number.isInteger(Number(accountValues.handlingTimeDays))
    ? Number(accountValues.handlingTimeDays)
    : 0;
  const accountGroup =
    accountValues.shippingGroupId.trim() === ''
      ? t('settings.shipping.shopDefault')
      : t('settings.shipping.groupId', { id: accountValues.shippingGroupId.trim() });
  return (
    <div className="storefront-rules">
      <p className="field-hint">{t('settings.shipping.intro')}</p>
      {codes.map((code) => {
        const own = draft[code] ?? null;
        const name = storefrontName(code);
        const frame = (field: keyof StorefrontShippingDraft) => ({
          formId,
          name: shippingField(code, field),
          error: fieldError(shippingField(code, field)),
        });
        const edit = (patch: Partial<StorefrontShippingDraft>) => own && set(code, { ...own, ...patch });
        return (
          <fieldset key={code} className="fieldset fieldset-nested">
            <legend>
              {name} <span className="muted">({code})</span>
            </legend>
            <label className="check">
              <input
                type="checkbox"
                checked={own !== null}
                onChange={(e) =>
                  set(
                    code,
                    e.target.checked
                      ? shippingDraft({
                          handlingTimeDays: Number(accountValues.handlingTimeDays) || 0,
                          shippingGroupId: Number(accountValues.shippingGroupId) || null,
                        })
                      : null,
                  )
                }
              />{' '}
              {t('settings.shipping.own', { name })}
            </label>
            {own === null ? (
              <p className="field-hint">
                {t('settings.shipping.usesAccount', {
                  days: accountValues.handlingTimeDays,
                  // Only picks "day" or "days": what is shown is the value as typed.
                  count: accountDays,
                  group: accountGroup,
                })}
              </p>
            ) : (
              <div className="form-grid">
                <TextField
                  {...frame('handlingTimeDays')}
                  label={t('settings.shipping.handlingTime')}
                  hint={t('settings.shipping.handlingTimeHint', { name })}
                  input={{
                    value: own.handlingTimeDays,
                    inputMode: 'numeric',
                    autoComplete: 'off',
                    onChange: (e) => edit({ handlingTimeDays: e.target.value }),
                  }}
                />
                <TextField
                  {...frame('shippingGroupId')}
                  label={t('settings.shipping.group')}
                  optional
                  hint={t('settings.shipping.groupHint', { name })}
                  input={{
                    value: own.shippingGroupId,
                    inputMode: 'numeric',
                    autoComplete: 'off',
                    onChange: (e) => edit({ shippingGroupId: e.target.value }),
                  }}
                />
              </div>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
