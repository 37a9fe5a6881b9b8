import { useTranslation } from 'react-i18next';
import { errorId, fieldId } from '../lib/form-errors.ts';
import { storefrontName } from '../lib/storefronts.ts';

interface Props {
  formId: string;
  available: string[];
  /** true = every storefront, also ones added later; false = only `selected`. */
  all: boolean;
  selected: string[];
  error: string | undefined;
  onAllChange: (all: boolean) => void;
  onChange: (selected: string[]) => void;
}

const NAME = 'settings.storefronts';

/**
 * Which of the account's storefronts to sync, as an explicit choice: "All storefronts" or "Only the ones
 * checked", each saying what it does. (An empty set of boxes meaning "all" was read as "none".)
 */
export function StorefrontPicker({ formId, available, all, selected, error, onAllChange, onChange }: Props) {
  const { t } = useTranslation('accounts');
  const id = fieldId(formId, NAME);
  const boxId = (code: string) => `${id}-${code}`;
  return (
    <fieldset
      className={error ? 'fieldset field-invalid' : 'fieldset'}
      aria-describedby={error ? errorId(formId, NAME) : undefined}
    >
      <legend>{t('settings.storefronts')}</legend>
      <div className="scope-choices">
        <div className="scope-choice">
          {/* The first choice carries the field's id, so a server message can move focus to the group. */}
          <input
            id={id}
            type="radio"
            name={`${id}-scope`}
            checked={all}
            aria-describedby={`${id}-all-hint`}
            onChange={() => onAllChange(true)}
          />
          <label htmlFor={id}>{t('settings.allStorefronts')}</label>
          <p className="field-hint" id={`${id}-all-hint`}>
            {t('settings.allStorefrontsHint')}
          </p>
        </div>
        <div className="scope-choice">
          <input
            id={`${id}-picked`}
            type="radio"
            name={`${id}-scope`}
            checked={!all}
            aria-describedby={`${id}-picked-hint`}
            onChange={() => onAllChange(false)}
          />
          <label htmlFor={`${id}-picked`}>{t('settings.pickedStorefronts')}</label>
          <p className="field-hint" id={`${id}-picked-hint`}>
            {t('settings.pickedStorefrontsHint')}
          </p>
        </div>
        {!all && (
          <div className="checks checks-nested">
            {available.map((code) => (
              <div key={code} className="check">
                <input
                  id={boxId(code)}
                  type="checkbox"
                  checked={selected.includes(code)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...selected, code] : selected.filter((s) => s !== code))
                  }
                />
                <label htmlFor={boxId(code)}>
                  {storefrontName(code)} ({code})
                </label>
              </div>
            ))}
          </div>
        )}
      </div>
      {error && (
        <p className="field-error" id={errorId(formId, NAME)}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
