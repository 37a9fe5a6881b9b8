import { useTranslation } from 'react-i18next';
import type { Erp } from '../erp-types.ts';

interface Props {
  erp: Erp;
  keyFormOpen: boolean;
  verifying: boolean;
  onVerify: () => void;
  onToggleKeyForm: () => void;
  onDisconnect: () => void;
}

/** Verify / Update key / Disconnect. With a refused key, "Update key" is the one thing to do: it leads. */
export function ErpActions({ erp, keyFormOpen, verifying, onVerify, onToggleKeyForm, onDisconnect }: Props) {
  const { t } = useTranslation('erp');
  const keyFirst = erp.status === 'credentials_invalid';
  const updateKey = (
    <button
      key="key"
      type="button"
      className={keyFirst ? 'btn btn-primary' : 'btn btn-secondary'}
      aria-expanded={keyFormOpen}
      aria-controls="erp-key"
      onClick={onToggleKeyForm}
    >
      {t('actions.updateKey')}
    </button>
  );
  const verify = (
    <button key="verify" type="button" className="btn btn-secondary" disabled={verifying} onClick={onVerify}>
      {verifying ? t('actions.verifying') : t('actions.verify')}
    </button>
  );
  return (
    <div className="card-actions">
      <div className="card-actions-main">{keyFirst ? [updateKey, verify] : [verify, updateKey]}</div>
      <button type="button" className="btn btn-ghost btn-danger-text" onClick={onDisconnect}>
        {t('actions.disconnect')}
      </button>
    </div>
  );
}
