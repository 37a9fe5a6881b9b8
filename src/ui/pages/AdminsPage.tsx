import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { adminsApi, type AdminSummary } from '../admins-api.ts';
import { AddAdminForm } from '../components/AddAdminForm.tsx';
import { AlertSettingsCard } from '../components/AlertSettingsCard.tsx';
import { AdminPasswordForm } from '../components/AdminPasswordForm.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { absoluteTime } from '../lib/time.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; admins: AdminSummary[]; you: string | null };

type Pending = { kind: 'revoke' | 'remove'; admin: AdminSummary } | null;

/** Who may sign in: list, add, change a password, sign out everywhere, remove (never oneself or the last one). */
export function AdminsPage() {
  useDocumentTitle('Administrators');
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
      setData({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
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
        <h1>Administrators</h1>
        <p className="lead">
          The people who may sign in to AdlerDo. Everyone here can do everything, including managing the
          others.
        </p>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {data.state === 'loading' && <p className="muted">Loading the administrators…</p>}
      {data.state === 'failed' && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">The administrators could not be loaded</p>
          <p>{data.message}</p>
          <button type="button" className="btn btn-secondary" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {data.state === 'ready' && (
        <section className="card" aria-labelledby="admins-heading">
          <h2 id="admins-heading">Who can sign in</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Active sessions</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
                        {self && <span className="muted"> (you)</span>}
                      </th>
                      <td data-label="Active sessions">{admin.activeSessions}</td>
                      <td data-label="Last sign-in">
                        {admin.lastSignInAt ? absoluteTime(admin.lastSignInAt) : '—'}
                      </td>
                      <td className="cell-action admin-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={`Change password of ${admin.username}`}
                          onClick={() => setEditing(admin.id)}
                        >
                          Change password
                        </button>{' '}
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={`Sign ${admin.username} out everywhere`}
                          onClick={() => setPending({ kind: 'revoke', admin })}
                        >
                          {self ? 'Sign out other sessions' : 'Sign out everywhere'}
                        </button>{' '}
                        {!self && (
                          <button
                            type="button"
                            className="btn btn-danger-text btn-small"
                            aria-label={`Remove ${admin.username}`}
                            disabled={data.admins.length <= 1}
                            onClick={() => setPending({ kind: 'remove', admin })}
                          >
                            Remove
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
                <h3>New password for {admin.username}</h3>
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
          <h2 id="add-admin-heading">Add an administrator</h2>
          <AddAdminForm onAdded={(username) => done(`${username} can sign in now.`)} />
        </section>
      )}
      {pending?.kind === 'revoke' && (
        <ConfirmDialog
          title={`Sign ${pending.admin.username} out?`}
          confirmLabel="Sign out"
          busyLabel="Signing out…"
          onConfirm={async () => {
            const { revoked } = await adminsApi.revokeSessions(pending.admin.id);
            done(`${revoked} session${revoked === 1 ? '' : 's'} of ${pending.admin.username} ended.`);
          }}
          onClose={() => setPending(null)}
        >
          <p>
            Every browser signed in as {pending.admin.username}
            {pending.admin.id === (data.state === 'ready' ? data.you : null) ? ', except this one,' : ''} has
            to sign in again.
          </p>
        </ConfirmDialog>
      )}
      <AlertSettingsCard />
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${pending.admin.username}?`}
          confirmLabel="Remove"
          busyLabel="Removing…"
          onConfirm={async () => {
            await adminsApi.remove(pending.admin.id);
            done(`${pending.admin.username} is removed and can no longer sign in.`);
          }}
          onClose={() => setPending(null)}
        >
          <p>{pending.admin.username} can no longer sign in, and their sessions end now.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
