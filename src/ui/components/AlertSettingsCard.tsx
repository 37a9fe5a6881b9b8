import { useEffect, useState, type FormEvent } from 'react';
import { alertsApi, type AlertSettingsView } from '../alerts-api.ts';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { actionProblem, type ActionProblem } from '../lib/action-error.ts';

/** Who is e-mailed when syncing stops and when it goes on; SMTP itself comes from the environment. */
export function AlertSettingsCard() {
  const [view, setView] = useState<AlertSettingsView | null>(null);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    alertsApi
      .get()
      .then((loaded) => {
        setView(loaded);
        setDraft(loaded.recipients.join(', '));
      })
      .catch((error: unknown) => setProblem(actionProblem(error, 'The alert settings could not be loaded')));
  }, []);

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    setProblem(null);
    try {
      setNotice(await what());
    } catch (error) {
      setProblem(actionProblem(error, 'Not done'));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const recipients = draft
        .split(/[,;\s]+/)
        .map((r) => r.trim())
        .filter(Boolean);
      const saved = await alertsApi.save(recipients);
      setView(saved);
      setDraft(saved.recipients.join(', '));
      return saved.recipients.length > 0
        ? `Saved: alerts go to ${saved.recipients.join(', ')}.`
        : 'Saved: nobody gets alert e-mails.';
    });
  };

  return (
    <section className="card section" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alert e-mails</h2>
      <p className="muted">
        When something stops syncing (keys refused, the ERP not answering, a step failing again and again,
        orders held back) these addresses get one e-mail, and one more when it is solved.
      </p>
      {view && !view.smtpConfigured && (
        <p className="status-message status-message-error">
          No e-mail can be sent yet: the server needs an SMTP server (ADLERDO_SMTP_URL, see the README).
        </p>
      )}
      <form className="form" aria-label="Alert e-mails" noValidate onSubmit={save}>
        <label htmlFor="alert-recipients">Send alerts to</label>
        <input
          id="alert-recipients"
          className="input"
          type="text"
          inputMode="email"
          placeholder="seller@example.com, ops@example.com"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !view}>
            Save recipients
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={busy || !view?.smtpConfigured || view.recipients.length === 0}
            onClick={() =>
              void act(async () => {
                const { sent } = await alertsApi.sendTest();
                return `Test e-mail sent to ${sent === 1 ? '1 address' : `${sent} addresses`}.`;
              })
            }
          >
            Send test
          </button>
        </div>
      </form>
      {notice && <Notice>{notice}</Notice>}
      {problem && <FormAlert {...problem} />}
    </section>
  );
}
