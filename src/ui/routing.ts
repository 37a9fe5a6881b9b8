import { useEffect, useState } from 'react';

/**
 * History routing without a router library: the server answers every non-API path with index.html, so a
 * reload or a shared link lands on the same page.
 */
export interface NavItem {
  path: string;
  label: string;
}

/** The pages in the order of the seller's day: how is it going, then the details, then the set-up. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/overview', label: 'Overview' },
  { path: '/orders', label: 'Orders' },
  { path: '/returns', label: 'Returns' },
  { path: '/offers', label: 'Offers & stock' },
  { path: '/sku-check', label: 'SKU check' },
  { path: '/issues', label: 'Issues' },
  { path: '/runs', label: 'Runs' },
  { path: '/accounts', label: 'Accounts' },
  { path: '/erp', label: 'ERP' },
  { path: '/carriers', label: 'Carriers' },
  { path: '/admins', label: 'Admins' },
];

export const HOME_PATH = '/overview';

/** Right after first-start setup nothing is connected, so there is nothing to overview yet. */
export const FIRST_START_PATH = '/accounts';

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}
