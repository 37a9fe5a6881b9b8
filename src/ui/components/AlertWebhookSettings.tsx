import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alertsApi, type AlertSettingsView } from '../alerts-api.ts';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { useAlertAction } from './use-alert-action.ts';

const FORM = 'alert-webhook';
const FIELDS = ['webhook.url', 'webhook.format'];
type Format = AlertSettingsView['webhook']['format'];

/** The chat webhook: its URL holds a token, so it is write-only; the stored one is named by its host. */
export function AlertWebhookSettings({
  view,
  onSaved,
}: {
  view: AlertSettingsView;
  onSaved: (view: AlertSettingsView) => void;
}) {
  const { t } = useTranslation('alerts');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<Format>(view.webhook.format);
  const action = useAlertAction(FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const saved = await alertsApi.save({ webhook: { url: url.trim(), format } });
      onSaved(saved);
      setUrl('');
      return t('webhook.saved');
    }, t('notDone'));
  };

  return (
    <div className="card">
      <form className="form" aria-labelledby={`${FORM}-heading`} noValidate onSubmit={submit}>
        <fieldset className="fieldset">
          <legend id={`${FORM}-heading`}>{t('webhook.heading')}</legend>
          <p className="muted">{t('webhook.intro')}</p>
          <p className="field-hint">
            {view.webhook.set ? t('webhook.isSet', { host: view.webhook.host }) : t('webhook.notSet')}
          </p>
          <div className="form-grid">
            <TextField
              formId={FORM}
              name="webhook.url"
              label={t('webhook.url')}
              hint={t('webhook.urlHint')}
              error={action.fieldError('webhook.url')}
              input={{
                type: 'url',
                autoComplete: 'off',
                spellCheck: false,
                placeholder: 'https://hooks.slack.com/services/…',
                value: url,
                onChange: (e) => setUrl(e.target.value),
              }}
            />
            <FieldFrame
              formId={FORM}
              name="webhook.format"
              label={t('webhook.format')}
              error={action.fieldError('webhook.format')}
            >
              {(control) => (
                <select
                  className="input"
                  {...control}
                  value={format}
                  onChange={(e) => setFormat(e.target.value as Format)}
                >
                  <option value="text">{t('webhook.formatText')}</option>
                  <option value="adaptive_card">{t('webhook.formatCard')}</option>
                </select>
              )}
            </FieldFrame>
          </div>
        </fieldset>
        {action.failure?.form && <FormAlert {...action.failure.form} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={action.busy}>
            {t('webhook.save')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={action.busy || !view.webhook.set}
            onClick={() =>
              void action.run(async () => {
                const { host } = await alertsApi.sendTestWebhook();
                return t('webhook.testSent', { host });
              }, t('testFailed'))
            }
          >
            {t('webhook.test')}
          </button>
          {view.webhook.set && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={action.busy}
              onClick={() =>
                void action.run(async () => {
                  onSaved(await alertsApi.save({ webhook: { remove: true } }));
                  return t('webhook.removed');
                }, t('notDone'))
              }
            >
              {t('webhook.remove')}
            </button>
          )}
          {action.notice && <Notice>{action.notice}</Notice>}
        </div>
      </form>
    </div>
  );
}
