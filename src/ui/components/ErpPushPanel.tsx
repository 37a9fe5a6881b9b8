import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pushMessageText } from '../lib/push-message.ts';
import { pushApi, type ErpPushView } from '../push-api.ts';

/**
 * The ERP page's push switch: the seller's consent that AdlerDo installs automation rules in the ERP, and
 * what the ERP does now (pushes, or is polled and why, by the server's code in the language on screen).
 */
export function ErpPushPanel() {
  const { t } = useTranslation('push');
  const [push, setPush] = useState<ErpPushView | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    pushApi.erp().then(
      (view) => live && setPush(view),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!push) return null;
  const change = async (consent: boolean) => {
    setSaving(true);
    try {
      setPush(await pushApi.setErpConsent(consent));
    } catch {
      // The state below stays as it was; the next load shows the truth.
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="erp-push" aria-labelledby="erp-push-title" data-testid="erp-push">
      <h4 id="erp-push-title">{t('erp.title')}</h4>
      <p>
        {t(`erp.${push.state}`, { count: push.rules })}
        {push.note && <> {pushMessageText(push.note)}</>}
      </p>
      <div className="check">
        <input
          id="erp-push-consent"
          type="checkbox"
          checked={push.consent}
          disabled={saving}
          onChange={(e) => void change(e.target.checked)}
        />
        <label htmlFor="erp-push-consent">{saving ? t('erp.saving') : t('erp.consent')}</label>
      </div>
    </section>
  );
}
