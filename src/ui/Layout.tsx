import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Admin } from './api-types.ts';
import { Brand } from './components/Brand.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { Link } from './components/Link.tsx';
import { NavMenu } from './components/NavMenu.tsx';

interface Props {
  admin: Admin;
  path: string;
  onSignOut: () => void;
  children: ReactNode;
}

/** Header (product, pages, language, who is signed in) around the current page. */
export function Layout({ admin, path, onSignOut, children }: Props) {
  const { t } = useTranslation('layout');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand-link" aria-label={t('home')}>
            <Brand />
          </Link>
          <NavMenu path={path} />
          <div className="app-user">
            <LanguageSwitch />
            {/* The API reference is rendered by the server (src/http/api-docs-page.ts), not a page of this app. */}
            <a className="btn btn-ghost btn-small" href="/api/docs" title={t('apiTitle')}>
              API
            </a>
            <span className="app-user-name" title={t('signedIn')}>
              {admin.username}
            </span>
            <button type="button" className="btn btn-ghost btn-small" onClick={onSignOut}>
              {t('signOut')}
            </button>
          </div>
        </div>
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
