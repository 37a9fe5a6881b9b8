import { useEffect } from 'react';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { AdminsPage } from './pages/AdminsPage.tsx';
import { CarriersPage } from './pages/CarriersPage.tsx';
import { ErpPage } from './pages/ErpPage.tsx';
import { IssuesPage } from './pages/IssuesPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OffersPage } from './pages/OffersPage.tsx';
import { OrderPage } from './pages/OrderPage.tsx';
import { OrdersPage } from './pages/OrdersPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { ReturnsPage } from './pages/ReturnsPage.tsx';
import { RunPage } from './pages/RunPage.tsx';
import { RunsPage } from './pages/RunsPage.tsx';
import { SkuCheckPage } from './pages/SkuCheckPage.tsx';
import { HOME_PATH, navigate } from './routing.ts';

const ORDER_PATH = /^\/orders\/([^/]+)\/?$/;
const RUN_PATH = /^\/runs\/([^/]+)\/?$/;

/** Which page a path shows. A new page gets a line here and one in NAV_ITEMS. */
export function Routes({ path }: { path: string }) {
  const home = path === '/' || path === '';
  useEffect(() => {
    if (home) navigate(HOME_PATH, { replace: true });
  }, [home]);
  const order = ORDER_PATH.exec(path);
  const run = RUN_PATH.exec(path);
  if (home || path.startsWith('/overview')) return <OverviewPage />;
  if (order?.[1]) return <OrderPage key={order[1]} id={decodeURIComponent(order[1])} />;
  if (path.startsWith('/orders')) return <OrdersPage />;
  if (path.startsWith('/returns')) return <ReturnsPage />;
  if (path.startsWith('/offers')) return <OffersPage />;
  if (path.startsWith('/sku-check')) return <SkuCheckPage />;
  if (path.startsWith('/issues')) return <IssuesPage />;
  if (run?.[1]) return <RunPage key={run[1]} id={decodeURIComponent(run[1])} />;
  if (path.startsWith('/runs')) return <RunsPage />;
  if (path.startsWith('/accounts')) return <AccountsPage />;
  if (path.startsWith('/erp')) return <ErpPage />;
  if (path.startsWith('/carriers')) return <CarriersPage />;
  if (path.startsWith('/admins')) return <AdminsPage />;
  return <NotFoundPage />;
}
