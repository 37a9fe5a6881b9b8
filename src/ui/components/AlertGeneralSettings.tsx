import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alertsApi, type AlertSettingsView } from '../alerts-api.ts';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { Toggle } from './Toggle.tsx';
import { useAlertAction } from './use-alert-action.ts';

const FORM = 'alert-general';
const FIELDS = ['language', 'digest.time', 'digest.timeZone'];
type Language = AlertSettingsView['language'];

/** The language of the alert texts and the optional daily summary (time of day in a time zone). */
export function AlertGeneralSettings({
  view,
  onSaved,
}: {
  view: AlertSettingsView;
  onSaved: (view: AlertSettingsView) => void;
}) {
  const { t } = useTranslation('alerts');
  const [language, setLanguage] = useState<Language>(view.language);
  const [digestOn, setDigestOn] = useState(view.digest.time !== null);
  const [time, setTime] = useState(view.digest.time ?? '08:00');
  const [timeZone, setTimeZone] = useState(view.digest.timeZone);
  const action = useAlertAction(FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      onSaved(
        await alertsApi.save({
          language,
          digest: { time: digestOn ? time : null, timeZone: timeZone.trim() },
        }),
      );
      return t('general.saved');
    }, t('notDone'));
  };

  return (
    <div className="card">
      <form className="form" aria-labelledby={`${FORM}-heading`} noValidate onSubmit={submit}>
        <fieldset className="fieldset">
          <legend id={`${FORM}-heading`}>{t('general.heading')}</legend>
          <FieldFrame
            formId={FORM}
            name="language"
            label={t('general.language')}
            error={action.fieldError('language')}
          >
            {(control) => (
              <select
                className="input"
                {...control}
                value={language}
                onChange={(e) => setLanguage(e.target.value as Language)}
              >
                <option value="de">{t('general.de')}</option>
                <option value="en">{t('general.en')}</option>
              </select>
            )}
          </FieldFrame>
          <Toggle
            id={`${FORM}-digest`}
            label={t('general.digestOn')}
            description={t('general.digestHint')}
            checked={digestOn}
            onChange={setDigestOn}
          />
          {digestOn && (
            <div className="form-grid">
              <TextField
                formId={FORM}
                name="digest.time"
                label={t('general.digestTime')}
                error={action.fieldError('digest.time')}
                input={{ type: 'time', value: time, onChange: (e) => setTime(e.target.value) }}
              />
              <TextField
                formId={FORM}
                name="digest.timeZone"
                label={t('general.timeZone')}
                hint={t('general.timeZoneHint')}
                error={action.fieldError('digest.timeZone')}
                input={{
                  type: 'text',
                  spellCheck: false,
                  value: timeZone,
                  onChange: (e) => setTimeZone(e.target.value),
                }}
              />
            </div>
          )}
        </fieldset>
        {action.failure?.form && <FormAlert {...action.failure.form} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={action.busy}>
            {t('general.save')}
          </button>
          {action.notice && <Notice>{action.notice}</Notice>}
        </div>
      </form>
    </div>
  );
}
