import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alertsApi, type AlertSettingsView } from '../alerts-api.ts';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { useAlertAction } from './use-alert-action.ts';

const FORM = 'alert-mail';
const FIELDS = [
  'recipients',
  'smtp.host',
  'smtp.port',
  'smtp.tls',
  'smtp.user',
  'smtp.password',
  'smtp.from',
];
const USUAL_PORT = { none: 25, starttls: 587, tls: 465 } as const;
type Tls = keyof typeof USUAL_PORT;

/** Who is e-mailed and through which SMTP server; the password is write-only (empty keeps the stored one). */
export function AlertMailSettings({
  view,
  onSaved,
}: {
  view: AlertSettingsView;
  onSaved: (view: AlertSettingsView) => void;
}) {
  const { t } = useTranslation('alerts');
  const { smtp } = view;
  const [recipients, setRecipients] = useState(view.recipients.join(', '));
  const [host, setHost] = useState(smtp.host ?? '');
  const [port, setPort] = useState(smtp.port === null ? '' : String(smtp.port));
  const [tls, setTls] = useState<Tls>(smtp.tls);
  const [user, setUser] = useState(smtp.user ?? '');
  const [password, setPassword] = useState('');
  const [forgetPassword, setForgetPassword] = useState(false);
  const [from, setFrom] = useState(smtp.from ?? '');
  const action = useAlertAction(FIELDS);

  const save = async () => {
    const saved = await alertsApi.save({
      recipients: recipients
        .split(/[,;\s]+/)
        .map((r) => r.trim())
        .filter(Boolean),
      smtp: {
        host: host.trim(),
        // Digits go as a number; anything else goes as typed, so the server's message says what is wrong.
        port:
          port.trim() === '' ? null : /^\d+$/.test(port.trim()) ? Number(port) : (port as unknown as number),
        tls,
        user: user.trim(),
        from: from.trim(),
        ...(password && { password }),
        ...(forgetPassword && { forgetPassword: true }),
      },
    });
    onSaved(saved);
    setRecipients(saved.recipients.join(', '));
    setPassword('');
    setForgetPassword(false);
    return saved;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await save();
      return t('mail.saved');
    }, t('notDone'));
  };

  const test = () =>
    void action.run(async () => {
      await save();
      const { sent } = await alertsApi.sendTestMail();
      return t('mail.testSent', { count: sent });
    }, t('testFailed'));

  return (
    <div className="card">
      <form className="form" aria-labelledby={`${FORM}-heading`} noValidate onSubmit={submit}>
        <fieldset className="fieldset">
          <legend id={`${FORM}-heading`}>{t('mail.heading')}</legend>
          <TextField
            formId={FORM}
            name="recipients"
            label={t('mail.recipients')}
            hint={t('mail.recipientsHint')}
            error={action.fieldError('recipients')}
            input={{
              type: 'text',
              inputMode: 'email',
              placeholder: 'seller@example.com, ops@example.com',
              value: recipients,
              onChange: (e) => setRecipients(e.target.value),
            }}
          />
          {smtp.source === 'environment' && <p className="field-hint">{t('mail.environment')}</p>}
          {smtp.source === 'none' && <p className="status-message">{t('mail.noServer')}</p>}
          <div className="form-grid">
            <TextField
              formId={FORM}
              name="smtp.host"
              label={t('mail.host')}
              hint={t('mail.hostHint')}
              error={action.fieldError('smtp.host')}
              input={{
                type: 'text',
                autoComplete: 'off',
                spellCheck: false,
                placeholder: 'smtp.example.com',
                value: host,
                onChange: (e) => setHost(e.target.value),
              }}
            />
            <FieldFrame
              formId={FORM}
              name="smtp.tls"
              label={t('mail.tls')}
              error={action.fieldError('smtp.tls')}
            >
              {(control) => (
                <select
                  className="input"
                  {...control}
                  value={tls}
                  onChange={(e) => setTls(e.target.value as Tls)}
                >
                  <option value="starttls">{t('mail.tlsStarttls')}</option>
                  <option value="tls">{t('mail.tlsTls')}</option>
                  <option value="none">{t('mail.tlsNone')}</option>
                </select>
              )}
            </FieldFrame>
            <TextField
              formId={FORM}
              name="smtp.port"
              label={t('mail.port')}
              hint={t('mail.portHint', { port: USUAL_PORT[tls] })}
              optional
              error={action.fieldError('smtp.port')}
              input={{
                type: 'text',
                inputMode: 'numeric',
                placeholder: String(USUAL_PORT[tls]),
                value: port,
                onChange: (e) => setPort(e.target.value),
              }}
            />
            <TextField
              formId={FORM}
              name="smtp.user"
              label={t('mail.user')}
              optional
              error={action.fieldError('smtp.user')}
              input={{
                type: 'text',
                autoComplete: 'off',
                spellCheck: false,
                value: user,
                onChange: (e) => setUser(e.target.value),
              }}
            />
            <TextField
              formId={FORM}
              name="smtp.password"
              label={t('mail.password')}
              hint={smtp.passwordSet ? t('mail.passwordSet') : t('mail.passwordNotSet')}
              optional
              error={action.fieldError('smtp.password')}
              input={{
                type: 'password',
                autoComplete: 'new-password',
                value: password,
                disabled: forgetPassword,
                onChange: (e) => setPassword(e.target.value),
              }}
            />
            <TextField
              formId={FORM}
              name="smtp.from"
              label={t('mail.from')}
              hint={t('mail.fromHint', { from: view.from })}
              optional
              error={action.fieldError('smtp.from')}
              input={{
                type: 'email',
                placeholder: 'adlerdo@example.com',
                value: from,
                onChange: (e) => setFrom(e.target.value),
              }}
            />
          </div>
          {smtp.passwordSet && (
            <label className="check">
              <input
                type="checkbox"
                checked={forgetPassword}
                onChange={(e) => {
                  setForgetPassword(e.target.checked);
                  if (e.target.checked) setPassword('');
                }}
              />{' '}
              {t('mail.forgetPassword')}
            </label>
          )}
        </fieldset>
        {action.failure?.form && <FormAlert {...action.failure.form} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={action.busy}>
            {t('mail.save')}
          </button>
          <button type="button" className="btn btn-secondary" disabled={action.busy} onClick={test}>
            {t('mail.test')}
          </button>
          {action.notice && <Notice>{action.notice}</Notice>}
        </div>
      </form>
    </div>
  );
}
