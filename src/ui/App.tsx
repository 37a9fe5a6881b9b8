import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSignedOutHandler } from './api.ts';
import type { Admin } from './api-types.ts';
import { authApi } from './auth-api.ts';
import { Layout } from './Layout.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { Routes } from './Routes.tsx';
import { errorMessage } from './lib/error-text.ts';
import { FIRST_START_PATH, navigate, usePath } from './routing.ts';

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; setupCodeRequired: boolean }
  | { kind: 'login'; notice?: 'ended' | 'signedOut' | 'alreadySetUp' }
  | { kind: 'ready'; admin: Admin };

/**
 * Who may see what: first start → setup, no session → sign in, else the app. The sign-in page shows in place
 * of whatever address was asked for, so after signing in the user is where they meant to go.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const path = usePath();
  // Here, at the root, the whole app renders again when the language changes.
  const { t } = useTranslation('common');

  useEffect(() => {
    setSignedOutHandler(() => setPhase({ kind: 'login', notice: 'ended' }));
    authApi
      .state()
      .then((state) =>
        setPhase(
          state.needsSetup
            ? { kind: 'setup', setupCodeRequired: state.setupCodeRequired === true }
            : state.admin
              ? { kind: 'ready', admin: state.admin }
              : { kind: 'login' },
        ),
      )
      .catch((error: unknown) => setPhase({ kind: 'unreachable', message: errorMessage(error) }));
    return () => setSignedOutHandler(undefined);
  }, []);

  const signOut = async () => {
    try {
      await authApi.logout();
    } finally {
      setPhase({ kind: 'login', notice: 'signedOut' });
    }
  };

  switch (phase.kind) {
    case 'loading':
      return <p className="boot">{t('loading')}</p>;
    case 'unreachable':
      return (
        <div className="boot alert alert-error" role="alert">
          <p className="alert-title">{t('unreachable')}</p>
          <p>{phase.message}</p>
        </div>
      );
    case 'setup':
      return (
        <SetupPage
          setupCodeRequired={phase.setupCodeRequired}
          onDone={(admin) => {
            // A new install has nothing to overview yet: the first thing to do is connecting (or the demo).
            if (window.location.pathname === '/') navigate(FIRST_START_PATH, { replace: true });
            setPhase({ kind: 'ready', admin });
          }}
          onAlreadySetUp={() => setPhase({ kind: 'login', notice: 'alreadySetUp' })}
        />
      );
    case 'login':
      return (
        <LoginPage
          notice={phase.notice && t(`session.${phase.notice}`)}
          onSignedIn={(admin) => setPhase({ kind: 'ready', admin })}
        />
      );
    case 'ready':
      return (
        <Layout admin={phase.admin} path={path} onSignOut={() => void signOut()}>
          <Routes path={path} />
        </Layout>
      );
  }
}
