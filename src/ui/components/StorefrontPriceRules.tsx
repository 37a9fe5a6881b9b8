import { useTranslation } from 'react-i18next';
import type { PriceRounding, PriceRule } from '../api-types.ts';
import { storefrontCurrency } from '../lib/money.ts';
import {
  ruleDraft,
  type StorefrontRuleDraft,
  type StorefrontRulesDraft,
} from '../lib/storefront-rules-draft.ts';
import { FieldFrame, TextField } from './Field.tsx';

interface Props {
  formId: string;
  draft: StorefrontRulesDraft;
  accountRule: PriceRule;
  rounding: Record<PriceRounding, string>;
  fieldError: (name: string) => string | undefined;
  onChange: (draft: StorefrontRulesDraft) => void;
}

/**
 * Per storefront: the account's rule, or its own in the storefront's currency (the ERP price is converted at
 * the ERP's rate first, so a CZK surcharge or minimum is in CZK).
 */
export function StorefrontPriceRules({ formId, draft, accountRule, rounding, fieldError, onChange }: Props) {
  const { t } = useTranslation('accounts');
  const set = (code: string, rule: StorefrontRuleDraft | null) => onChange({ ...draft, [code]: rule });
  return (
    <div className="storefront-rules">
      {Object.entries(draft).map(([code, rule]) => {
        const currency = storefrontCurrency(code);
        const name = (field: string) => `settings.storefrontPriceRules.${code}.${field}`;
        const frame = (field: string) => ({ formId, name: name(field), error: fieldError(name(field)) });
        const edit = (patch: Partial<StorefrontRuleDraft>) => rule && set(code, { ...rule, ...patch });
        return (
          <fieldset key={code} className="fieldset fieldset-nested">
            <legend>
              {code.toUpperCase()} <span className="muted">({currency})</span>
            </legend>
            <label className="check">
              <input
                type="checkbox"
                checked={rule !== null}
                onChange={(e) => set(code, e.target.checked ? ruleDraft(accountRule) : null)}
              />{' '}
              {t('settings.ownRule', { code: code.toUpperCase(), currency })}
            </label>
            {rule !== null && (
              <div className="form-grid form-grid-3">
                <TextField
                  {...frame('factor')}
                  label={t('settings.factor')}
                  input={{
                    value: rule.factor,
                    inputMode: 'decimal',
                    onChange: (e) => edit({ factor: e.target.value }),
                  }}
                />
                <TextField
                  {...frame('surchargeMinor')}
                  label={t('settings.surchargeIn', { currency })}
                  input={{
                    value: rule.surcharge,
                    inputMode: 'decimal',
                    onChange: (e) => edit({ surcharge: e.target.value }),
                  }}
                />
                <TextField
                  {...frame('minimumMinor')}
                  label={t('settings.minimumIn', { currency })}
                  optional
                  input={{
                    value: rule.minimum,
                    inputMode: 'decimal',
                    onChange: (e) => edit({ minimum: e.target.value }),
                  }}
                />
                <FieldFrame {...frame('rounding')} label={t('settings.rounding')}>
                  {(control) => (
                    <select
                      className="input"
                      {...control}
                      value={rule.rounding}
                      onChange={(e) => edit({ rounding: e.target.value as PriceRounding })}
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
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
