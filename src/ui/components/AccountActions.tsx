import { useTranslation } from 'react-i18next';
import type { Account } from '../api-types.ts';

export type Panel = 'keys' | 'settings' | null;

interface Props {
  account: Account;
  panel: Panel;
  verifying: boolean;
  onVerify: () => void;
  onToggle: (panel: Exclude<Panel, null>) => void;
  onRemove: () => void;
}

/** Verify / Update keys / Settings / Remove. With rejected keys, "Update keys" is the one thing to do: it leads. */
export function AccountActions({ account, panel, verifying, onVerify, onToggle, onRemove }: Props) {
  const { t } = useTranslation('accounts');
  const keysFirst = account.status === 'credentials_invalid';
  const keys = (
    <button
      key="keys"
      type="button"
      className={keysFirst ? 'btn btn-primary' : 'btn btn-secondary'}
      aria-expanded={panel === 'keys'}
      aria-controls={`keys-${account.id}`}
      onClick={() => onToggle('keys')}
    >
      {t('actions.updateKeys')}
    </button>
  );
  const verify = (
    <button key="verify" type="button" className="btn btn-secondary" disabled={verifying} onClick={onVerify}>
      {verifying ? t('actions.verifying') : t('actions.verify')}
    </button>
  );
  return (
    <div className="card-actions">
      <div className="card-actions-main">
        {keysFirst ? [keys, verify] : [verify, keys]}
        <button
          type="button"
          className="btn btn-secondary"
          aria-expanded={panel === 'settings'}
          aria-controls={`settings-${account.id}`}
          onClick={() => onToggle('settings')}
        >
          {t('actions.settings')}
        </button>
      </div>
      <button type="button" className="btn btn-ghost btn-danger-text" onClick={onRemove}>
        {t('actions.remove')}
      </button>
    </div>
  );
}
