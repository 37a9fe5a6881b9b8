import { useEffect, useState } from 'react';
import { accountsApi } from '../accounts-api.ts';
import { errorMessage } from './error-text.ts';

export type CarrierCodes =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; codes: string[] };

/** Kaufland's carrier list for one account, loaded when the account changes (the server keeps it briefly). */
export function useCarrierCodes(accountId: string | undefined): CarrierCodes {
  const [codes, setCodes] = useState<CarrierCodes>({ state: 'loading' });
  useEffect(() => {
    if (!accountId) return;
    let live = true;
    setCodes({ state: 'loading' });
    accountsApi
      .carriers(accountId)
      .then((list) => live && setCodes({ state: 'ready', codes: list }))
      .catch((error: unknown) => live && setCodes({ state: 'failed', message: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [accountId]);
  return codes;
}
