import type { ReactNode } from 'react';
import type { Admin } from './api-types.ts';
import { Brand } from './components/Brand.tsx';
import { Link } from './components/Link.tsx';
import { NAV_ITEMS } from './routing.ts';

interface Props {
  admin: Admin;
  path: string;
  onSignOut: () => void;
  children: ReactNode;
}

/** Header (product, pages, who is signed in) around the current page. */
export function Layout({ admin, path, onSignOut, children }: Props) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand-link" aria-label="AdlerDo home">
            <Brand />
          </Link>
          <nav className="app-nav" aria-label="Main">
            <ul>
              {NAV_ITEMS.map((item) => (
                <li key={item.path}>
                  <Link to={item.path} aria-current={path.startsWith(item.path) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-user">
            {/* The API reference is rendered by the server (src/http/api-docs-page.ts), not a page of this app. */}
            <a className="btn btn-ghost btn-small" href="/api/docs" title="AdlerDo's own API (OpenAPI)">
              API
            </a>
            <span className="app-user-name" title="Signed in">
              {admin.username}
            </span>
            <button type="button" className="btn btn-ghost btn-small" onClick={onSignOut}>
              Sign out
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
