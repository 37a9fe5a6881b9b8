import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { adminsApi, type AdminSummary } from '../admins-api.ts';
import { AddAdminForm } from '../components/AddAdminForm.tsx';
import { AlertSettingsCard } from '../components/AlertSettingsCard.tsx';
import { AdminPasswordForm } from '../components/AdminPasswordForm.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { errorMessage } from '../lib/error-text.ts';
import { formatCount } from '../lib/format.ts';
import { absoluteTime } from '../lib/time.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; admins: AdminSummary[]; you: string | null };

type Pending = { kind: 'revoke' | 'remove'; admin: AdminSummary } | null;

/** Who may sign in: list, add, change a password, sign out everywhere, remove (never oneself or the last one). */
export function AdminsPage() {
  const { t } = useTranslation('admins');
  useDocumentTitle(t('title'));
  const [data, setData] = useState<Loaded>({ state: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const load = useCallback(async () => {
    try {
      const { admins, you } = await adminsApi.list();
      setData({ state: 'ready', admins, you });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      setData({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string) => {
    setNotice(message);
    setEditing(null);
    setPending(null);
    void load();
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {data.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {data.state === 'failed' && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('loadFailed')}</p>
          <p>{data.message}</p>
          <button type="button" className="btn btn-secondary" onClick={() => void load()}>
            {t('common:retry')}
          </button>
        </div>
      )}
      {data.state === 'ready' && (
        <section className="card" aria-labelledby="admins-heading">
          <h2 id="admins-heading">{t('whoHeading')}</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('username')}</th>
                  <th scope="col">{t('sessions')}</th>
                  <th scope="col">{t('lastSignIn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.admins.map((admin) => {
                  const self = admin.id === data.you;
                  return (
                    <tr key={admin.id}>
                      <th scope="row">
                        {admin.username}
                        {self && <span className="muted">{t('you')}</span>}
                      </th>
                      <td data-label={t('sessions')}>{formatCount(admin.activeSessions)}</td>
                      <td data-label={t('lastSignIn')}>
                        {admin.lastSignInAt ? absoluteTime(admin.lastSignInAt) : '—'}
                      </td>
                      <td className="cell-action admin-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={t('changePasswordOf', { name: admin.username })}
                          onClick={() => setEditing(admin.id)}
                        >
                          {t('changePassword')}
                        </button>{' '}
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={t('signOutLabel', { name: admin.username })}
                          onClick={() => setPending({ kind: 'revoke', admin })}
                        >
                          {self ? t('signOutOthers') : t('signOutEverywhere')}
                        </button>{' '}
                        {!self && (
                          <button
                            type="button"
                            className="btn btn-danger-text btn-small"
                            aria-label={t('removeLabel', { name: admin.username })}
                            disabled={data.admins.length <= 1}
                            onClick={() => setPending({ kind: 'remove', admin })}
                          >
                            {t('remove')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {data.admins
            .filter((admin) => admin.id === editing)
            .map((admin) => (
              <div className="section" key={admin.id}>
                <h3>{t('newPasswordFor', { name: admin.username })}</h3>
                <AdminPasswordForm
                  admin={admin}
                  self={admin.id === data.you}
                  onDone={done}
                  onCancel={() => setEditing(null)}
                />
              </div>
            ))}
        </section>
      )}
      {data.state === 'ready' && (
        <section className="card" aria-labelledby="add-admin-heading">
          <h2 id="add-admin-heading">{t('addHeading')}</h2>
          <AddAdminForm onAdded={(username) => done(t('added', { name: username }))} />
        </section>
      )}
      {pending?.kind === 'revoke' && (
        <ConfirmDialog
          title={t('revoke.title', { name: pending.admin.username })}
          confirmLabel={t('revoke.confirm')}
          busyLabel={t('revoke.busy')}
          onConfirm={async () => {
            const { revoked } = await adminsApi.revokeSessions(pending.admin.id);
            done(t('revoke.done', { count: revoked, n: formatCount(revoked), name: pending.admin.username }));
          }}
          onClose={() => setPending(null)}
        >
          <p>
            {t(
              pending.admin.id === (data.state === 'ready' ? data.you : null)
                ? 'revoke.bodySelf'
                : 'revoke.body',
              {
                name: pending.admin.username,
              },
            )}
          </p>
        </ConfirmDialog>
      )}
      <AlertSettingsCard />
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          title={t('removal.title', { name: pending.admin.username })}
          confirmLabel={t('removal.confirm')}
          busyLabel={t('removal.busy')}
          onConfirm={async () => {
            await adminsApi.remove(pending.admin.id);
            done(t('removal.done', { name: pending.admin.username }));
          }}
          onClose={() => setPending(null)}
        >
          <p>{t('removal.body', { name: pending.admin.username })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
