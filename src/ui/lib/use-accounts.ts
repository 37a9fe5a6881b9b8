import { useEffect, useState } from 'react';
import { accountsApi } from '../accounts-api.ts';
import type { Account } from '../api-types.ts';
import { errorMessage } from './error-text.ts';

/** The connected accounts, loaded once, for the account pickers of the list pages (undefined while loading). */
export function useAccounts(): { accounts: Account[] | undefined; error: string | undefined } {
  const [state, setState] = useState<{ accounts?: Account[]; error?: string }>({});
  useEffect(() => {
    let live = true;
    accountsApi
      .list()
      .then((accounts) => live && setState({ accounts }))
      .catch((error: unknown) => live && setState({ error: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, []);
  return { accounts: state.accounts, error: state.error };
}
