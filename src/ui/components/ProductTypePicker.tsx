import { useTranslation } from 'react-i18next';
import type { ErpProductType } from '../erp-types.ts';
import { PRODUCT_TYPES } from '../lib/erp-settings-draft.ts';
import { errorId, fieldId } from '../lib/form-errors.ts';

interface Props {
  formId: string;
  selected: ErpProductType[];
  error: string | undefined;
  onChange: (selected: ErpProductType[]) => void;
}

const NAME = 'settings.productTypes';

/** Which kinds of ERP products become marketplace offers. */
export function ProductTypePicker({ formId, selected, error, onChange }: Props) {
  const { t } = useTranslation('erp');
  const id = (type: ErpProductType, index: number) =>
    // The first box carries the field's id, so a server message can move focus to the group.
    index === 0 ? fieldId(formId, NAME) : `${fieldId(formId, NAME)}-${type}`;
  const hintId = `${fieldId(formId, NAME)}-hint`;
  return (
    <fieldset
      className={error ? 'fieldset field-invalid' : 'fieldset'}
      aria-describedby={[error ? errorId(formId, NAME) : '', hintId].join(' ').trim()}
    >
      <legend>{t('settings.productTypes')}</legend>
      <div className="checks">
        {PRODUCT_TYPES.map((type, index) => (
          <div key={type} className="check">
            <input
              id={id(type, index)}
              type="checkbox"
              checked={selected.includes(type)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, type] : selected.filter((t) => t !== type))
              }
            />
            <label htmlFor={id(type, index)}>{t(`settings.${type}`)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId(formId, NAME)}>
          {error}
        </p>
      )}
      <p className="field-hint" id={hintId}>
        {t('settings.productTypesHint')}
      </p>
    </fieldset>
  );
}
