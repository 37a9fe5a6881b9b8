import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { errorMessage } from './error-text.ts';

export interface Polled<T> {
  data: T | undefined;
  /** The last refresh failed (the data, if any, is from before). */
  error: string | undefined;
  /** Loads again now, e.g. right after "Sync now". */
  refresh: () => Promise<void>;
}

/**
 * Loads now and again every `intervalMs` while the tab is visible, so a page shows the sync as it moves without
 * a reload. `load` should be a useCallback: a new one (other filters) loads at once. A slow answer that arrives
 * after a newer one is dropped, so the page never jumps back.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number): Polled<T> {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const data = await load();
      if (ticket === latest.current) setState({ data });
    } catch (error) {
      // A lost session is the app's to handle (back to sign-in); anything else is shown by the page.
      if (error instanceof ApiError && error.status === 401) return;
      if (ticket === latest.current) setState((s) => ({ ...s, error: errorMessage(error) }));
    }
  }, [load]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (!document.hidden) void refresh();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [refresh, intervalMs]);

  return { data: state.data, error: state.error, refresh };
}
