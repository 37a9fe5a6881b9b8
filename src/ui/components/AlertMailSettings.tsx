import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alertsApi, type AlertSettingsView } from '../alerts-api.ts';
import { FieldFrame, TextField, type TextFieldProps } from './Field.tsx';
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
] as const;
/** Host names and user names: taken as typed, never completed or corrected. */
const VERBATIM = { autoComplete: 'off', spellCheck: false } as const;
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

  /** One input of this form: typed into `value`, the server's error for `name` shown under it. */
  const field = (
    name: (typeof FIELDS)[number],
    value: string,
    set: (value: string) => void,
    { input, ...frame }: Omit<TextFieldProps, 'formId' | 'name' | 'error'>,
  ) => (
    <TextField
      formId={FORM}
      name={name}
      error={action.fieldError(name)}
      {...frame}
      input={{ type: 'text', ...input, value, onChange: (e) => set(e.target.value) }}
    />
  );

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
          {field('recipients', recipients, setRecipients, {
            label: t('mail.recipients'),
            hint: t('mail.recipientsHint'),
            input: { inputMode: 'email', placeholder: 'seller@example.com, ops@example.com' },
          })}
          {smtp.source === 'environment' && <p className="field-hint">{t('mail.environment')}</p>}
          {smtp.source === 'none' && <p className="status-message">{t('mail.noServer')}</p>}
          <div className="form-grid">
            {field('smtp.host', host, setHost, {
              label: t('mail.host'),
              hint: t('mail.hostHint'),
              input: { ...VERBATIM, placeholder: 'smtp.example.com' },
            })}
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
            {field('smtp.port', port, setPort, {
              label: t('mail.port'),
              hint: t('mail.portHint', { port: USUAL_PORT[tls] }),
              optional: true,
              input: { inputMode: 'numeric', placeholder: String(USUAL_PORT[tls]) },
            })}
            {field('smtp.user', user, setUser, { label: t('mail.user'), optional: true, input: VERBATIM })}
            {field('smtp.password', password, setPassword, {
              label: t('mail.password'),
              hint: smtp.passwordSet ? t('mail.passwordSet') : t('mail.passwordNotSet'),
              optional: true,
              input: { type: 'password', autoComplete: 'new-password', disabled: forgetPassword },
            })}
            {field('smtp.from', from, setFrom, {
              label: t('mail.from'),
              hint: t('mail.fromHint', { from: view.from }),
              optional: true,
              input: { type: 'email', placeholder: 'adlerdo@example.com' },
            })}
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
