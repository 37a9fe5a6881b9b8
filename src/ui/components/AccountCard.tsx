import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { Account } from '../api-types.ts';
import { accountsApi } from '../accounts-api.ts';
import { toFormFailure, type FormFailure } from '../lib/form-errors.ts';
import { readQuery } from '../lib/url-query.ts';
import { AccountActions, type Panel } from './AccountActions.tsx';
import { AccountFacts } from './AccountFacts.tsx';
import { AccountPushLine } from './AccountPushLine.tsx';
import { AccountSettingsForm } from './AccountSettingsForm.tsx';
import { AccountStatusMessage } from './AccountStatusMessage.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { UpdateKeysForm } from './UpdateKeysForm.tsx';

interface Props {
  account: Account;
  typeName: string;
  defaultBaseUrl: string | undefined;
  now: number;
  onChanged: (account: Account) => void;
  onRemoved: (id: string) => void;
  /** Reloads the list: after a failed check the server may have changed the account's status. */
  onReload: () => Promise<void>;
}

export function AccountCard({
  account,
  typeName,
  defaultBaseUrl,
  now,
  onChanged,
  onRemoved,
  onReload,
}: Props) {
  // "Update keys" on the Overview or Issues links here with ?keys=<account id>: the key form opens at once.
  const [panel, setPanel] = useState<Panel>(() => (readQuery('keys') === account.id ? 'keys' : null));
  const { t } = useTranslation('accounts');
  const cardRef = useRef<HTMLLIElement>(null);
  // Arrived by that link: the card with its open form comes into view, its first field ready to type in.
  useEffect(() => {
    if (readQuery('keys') !== account.id) return;
    cardRef.current?.scrollIntoView({ block: 'start' });
    cardRef.current?.querySelector<HTMLInputElement>('form input')?.focus();
  }, [account.id]);
  const [verifying, setVerifying] = useState(false);
  const [problem, setProblem] = useState<FormFailure['form']>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [zeroOffers, setZeroOffers] = useState(true);
  const headingId = `account-${account.id}-name`;

  const verify = async () => {
    setVerifying(true);
    setProblem(undefined);
    setNotice(null);
    try {
      onChanged(await accountsApi.verify(account.id));
      setNotice(t('card.verified', { type: typeName }));
    } catch (error) {
      // Rejected keys show as the account's own status after the reload; anything else is said here.
      if (!(error instanceof ApiError && error.code.endsWith('.auth_failed'))) {
        setProblem(toFormFailure(error, []).form);
      }
      await onReload();
    } finally {
      setVerifying(false);
    }
  };

  const toggle = (next: Exclude<Panel, null>) => {
    setNotice(null);
    setPanel((current) => (current === next ? null : next));
  };

  return (
    <li ref={cardRef} className={`card account account-${account.status}`} aria-labelledby={headingId}>
      <div className="account-head">
        <div>
          <h3 id={headingId}>{account.name}</h3>
          <p className="muted account-type">{typeName}</p>
        </div>
        <StatusBadge status={account.status} />
      </div>
      {account.statusMessage && account.status !== 'connected' && (
        <AccountStatusMessage
          status={account.status}
          message={account.statusMessage}
          renderFix={(words) => (
            <button type="button" className="link-button" onClick={() => setPanel('keys')}>
              {words}
            </button>
          )}
        />
      )}
      <AccountFacts account={account} defaultBaseUrl={defaultBaseUrl} now={now} />
      <AccountPushLine accountId={account.id} />
      {problem && <FormAlert {...problem} />}
      {notice && <Notice>{notice}</Notice>}
      <AccountActions
        account={account}
        panel={panel}
        verifying={verifying}
        onVerify={verify}
        onToggle={toggle}
        onRemove={() => setConfirmingRemove(true)}
      />
      {panel === 'keys' && (
        <UpdateKeysForm
          account={account}
          onCancel={() => setPanel(null)}
          onSaved={(updated) => {
            setPanel(null);
            setProblem(undefined);
            setNotice(t('card.keysSaved'));
            onChanged(updated);
          }}
        />
      )}
      {panel === 'settings' && (
        <AccountSettingsForm account={account} onCancel={() => setPanel(null)} onSaved={onChanged} />
      )}
      {confirmingRemove && (
        <ConfirmDialog
          title={t('remove.title', { name: account.name })}
          confirmLabel={t('remove.confirm')}
          busyLabel={t('remove.busy')}
          onClose={() => setConfirmingRemove(false)}
          onConfirm={async () => {
            await accountsApi.remove(account.id, { zeroOffers });
            onRemoved(account.id);
          }}
        >
          <p>
            {t('remove.what')} <strong>{t('remove.offers')}</strong>
            {t('remove.risk')}
          </p>
          <div className="check">
            <input
              id={`zero-offers-${account.id}`}
              type="checkbox"
              checked={zeroOffers}
              onChange={(e) => setZeroOffers(e.target.checked)}
            />
            <label htmlFor={`zero-offers-${account.id}`}>{t('remove.zeroOffers')}</label>
          </div>
        </ConfirmDialog>
      )}
    </li>
  );
}
