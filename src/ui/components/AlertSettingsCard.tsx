import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertsApi, type AlertSettingsView } from '../alerts-api.ts';
import { actionProblem, type ActionProblem } from '../lib/action-error.ts';
import { AlertGeneralSettings } from './AlertGeneralSettings.tsx';
import { AlertMailSettings } from './AlertMailSettings.tsx';
import { AlertWebhookSettings } from './AlertWebhookSettings.tsx';
import { FormAlert } from './FormAlert.tsx';

/** Where AdlerDo tells the seller that syncing stopped: e-mail, a chat webhook, the language and the digest. */
export function AlertSettingsCard() {
  const { t } = useTranslation('alerts');
  const [view, setView] = useState<AlertSettingsView | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  useEffect(() => {
    alertsApi
      .get()
      .then(setView)
      .catch((error: unknown) => setProblem(actionProblem(error, t('loadFailed'))));
  }, [t]);

  return (
    <section className="section" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('heading')}</h2>
      <div className="stack">
        <p className="muted">{t('intro')}</p>
        {problem && <FormAlert {...problem} />}
        {view && (
          <>
            <AlertMailSettings view={view} onSaved={setView} />
            <AlertWebhookSettings view={view} onSaved={setView} />
            <AlertGeneralSettings view={view} onSaved={setView} />
          </>
        )}
      </div>
    </section>
  );
}
