import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { erpApi } from '../erp-api.ts';
import type { Erp } from '../erp-types.ts';
import { toErpFailure } from '../lib/erp-errors.ts';
import type { FormFailure } from '../lib/form-errors.ts';
import { transportNote, versionLine } from '../lib/erp-labels.ts';
import { useNow } from '../lib/use-now.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErpActions } from './ErpActions.tsx';
import { ErpFacts } from './ErpFacts.tsx';
import { ErpPushPanel } from './ErpPushPanel.tsx';
import { FormAlert } from './FormAlert.tsx';
import { Notice } from './Notice.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { UpdateErpKeyForm } from './UpdateErpKeyForm.tsx';

interface Props {
  erp: Erp;
  typeName: string;
  /** Shown once, e.g. what was found right after connecting. */
  initialNotice: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
  onChanged: (erp: Erp) => void;
  onDisconnected: () => void;
  /** Reloads the connection: after a failed check the server may have changed its status. */
  onReload: () => Promise<void>;
}

export function ErpCard({
  erp,
  typeName,
  initialNotice,
  headingRef,
  onChanged,
  onDisconnected,
  onReload,
}: Props) {
  const { t } = useTranslation('erp');
  const now = useNow();
  const note = transportNote(erp);
  const [keyFormOpen, setKeyFormOpen] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [problem, setProblem] = useState<FormFailure['form']>(undefined);
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setProblem(undefined);
    setNotice(null);
    try {
      onChanged(await erpApi.verify());
      setNotice(t('card.verified', { name: typeName }));
    } catch (error) {
      // A refused key shows as the connection's own status after the reload; anything else is said here.
      if (!(error instanceof ApiError && error.code.endsWith('.auth_failed'))) {
        setProblem(toErpFailure(error, [], 'verify').form);
      }
      await onReload();
    } finally {
      setVerifying(false);
    }
  };

  return (
    <article className={`card account account-${erp.status}`} aria-labelledby="erp-heading">
      <div className="account-head">
        <div>
          <h3 id="erp-heading" ref={headingRef} tabIndex={-1}>
            {typeName}
          </h3>
          <p className="muted account-type">{versionLine(erp, typeName)}</p>
          {note && <p className="muted erp-transport-note">{note.text}</p>}
        </div>
        <StatusBadge status={erp.status} />
      </div>
      {note?.warning && (
        <p className="status-message status-message-error" role="note">
          {note.warning}
        </p>
      )}
      {erp.statusMessage && erp.status !== 'connected' && (
        <p className={`status-message status-message-${erp.status}`}>
          {/* The refused key has a fixed sentence, said in the reader's language; other states name their cause. */}
          {erp.status === 'credentials_invalid' ? t('status.credentials_invalid') : erp.statusMessage}
        </p>
      )}
      <ErpFacts erp={erp} now={now} />
      <ErpPushPanel />
      {problem && <FormAlert {...problem} />}
      {notice && <Notice>{notice}</Notice>}
      <ErpActions
        erp={erp}
        keyFormOpen={keyFormOpen}
        verifying={verifying}
        onVerify={verify}
        onToggleKeyForm={() => {
          setNotice(null);
          setKeyFormOpen((open) => !open);
        }}
        onDisconnect={() => setConfirmingDisconnect(true)}
      />
      {keyFormOpen && (
        <UpdateErpKeyForm
          erp={erp}
          typeName={typeName}
          onCancel={() => setKeyFormOpen(false)}
          onSaved={(updated) => {
            setKeyFormOpen(false);
            setProblem(undefined);
            setNotice(t('card.keySaved', { name: typeName }));
            onChanged(updated);
          }}
        />
      )}
      {confirmingDisconnect && (
        <ConfirmDialog
          title={t('card.disconnectTitle', { name: typeName })}
          confirmLabel={t('card.disconnect')}
          busyLabel={t('card.disconnecting')}
          onClose={() => setConfirmingDisconnect(false)}
          onConfirm={async () => {
            await erpApi.disconnect();
            onDisconnected();
          }}
        >
          <p>{t('card.disconnectText', { name: typeName })}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
