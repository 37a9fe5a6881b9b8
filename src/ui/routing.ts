import { useEffect, useState } from 'react';

/**
 * History routing without a router library: the server answers every non-API path with index.html, so a
 * reload or a shared link lands on the same page.
 */
export interface NavItem {
  path: string;
  label: string;
}

/** Overview, Orders, … are added here as they are built. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/accounts', label: 'Accounts' },
  { path: '/erp', label: 'ERP' },
];

export const HOME_PATH = '/accounts';

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
