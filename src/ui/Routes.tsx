import { useEffect } from 'react';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { ErpPage } from './pages/ErpPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { HOME_PATH, navigate } from './routing.ts';

/** Which page a path shows. New pages (Overview, Orders, …) get a line here and one in NAV_ITEMS. */
export function Routes({ path }: { path: string }) {
  const home = path === '/' || path === '';
  useEffect(() => {
    if (home) navigate(HOME_PATH, { replace: true });
  }, [home]);
  if (home || path.startsWith('/accounts')) return <AccountsPage />;
  if (path.startsWith('/erp')) return <ErpPage />;
  return <NotFoundPage />;
}
