import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pushMessageText } from '../lib/push-message.ts';
import { pushApi, type AccountPushView } from '../push-api.ts';

/**
 * One line on the account card: whether Kaufland pushes to this AdlerDo, and if not, what would turn it on
 * (ADLERDO_PUBLIC_URL, the fallback e-mail), said by the server's code in the language on screen. Nothing
 * while it loads or fails.
 */
export function AccountPushLine({ accountId }: { accountId: string }) {
  const { t } = useTranslation('push');
  const [push, setPush] = useState<AccountPushView | undefined>(undefined);
  useEffect(() => {
    let live = true;
    pushApi.account(accountId).then(
      (view) => live && setPush(view),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [accountId]);
  if (!push) return null;
  const waiting = push.subscriptions.filter((s) => !s.active).length;
  // The waiting count is said above from the subscriptions themselves; the note would say it twice.
  const note = push.note?.code === 'push.subscriptions_waiting' ? null : push.note;
  return (
    <p className={`muted push-line push-${push.state}`} data-testid="account-push">
      <strong>{t('account.label')}</strong> {t(`account.${push.state}`, { count: push.subscriptions.length })}
      {waiting > 0 && <> · {t('account.waiting', { count: waiting })}</>}
      {note && <> · {pushMessageText(note)}</>}
    </p>
  );
}
