import { errorId, fieldId } from '../lib/form-errors.ts';
import { storefrontName } from '../lib/storefronts.ts';

interface Props {
  formId: string;
  available: string[];
  selected: string[];
  error: string | undefined;
  onChange: (selected: string[]) => void;
}

const NAME = 'settings.storefronts';

/** Which of the account's storefronts to sync; none checked means all of them, including ones added later. */
export function StorefrontPicker({ formId, available, selected, error, onChange }: Props) {
  const hintId = `${fieldId(formId, NAME)}-hint`;
  return (
    <fieldset
      className={error ? 'fieldset field-invalid' : 'fieldset'}
      aria-describedby={[error ? errorId(formId, NAME) : '', hintId].join(' ').trim()}
    >
      <legend>Storefronts to sync</legend>
      <div className="checks">
        {available.map((code, index) => (
          <div key={code} className="check">
            <input
              // The first box carries the field's id, so a server message can move focus to the group.
              id={index === 0 ? fieldId(formId, NAME) : `${fieldId(formId, NAME)}-${code}`}
              type="checkbox"
              checked={selected.includes(code)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, code] : selected.filter((s) => s !== code))
              }
            />
            <label htmlFor={index === 0 ? fieldId(formId, NAME) : `${fieldId(formId, NAME)}-${code}`}>
              {storefrontName(code)} ({code})
            </label>
          </div>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId(formId, NAME)}>
          {error}
        </p>
      )}
      <p className="field-hint" id={hintId}>
        None checked = all storefronts, including ones added to the account later.
      </p>
    </fieldset>
  );
}
