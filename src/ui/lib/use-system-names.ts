import { useEffect, useState } from 'react';
import { accountsApi } from '../accounts-api.ts';
import { erpApi } from '../erp-api.ts';
import { i18n } from '../i18n/index.ts';
import { systemName } from './labels.ts';

interface Names {
  /** "Kaufland" for an account of that type; "the marketplace" until known. */
  marketplaceOf: (accountId: string) => string;
  erp: string;
}

/**
 * The systems' own names ("Kaufland", "Odoo") read better than "the marketplace" on a timeline or in a tab.
 * Loaded once per page; the generic words stand in until then (or if it fails: they are only labels).
 */
export function useSystemNames(): Names {
  const [types, setTypes] = useState<{ accounts: Map<string, string>; erp?: string }>({
    accounts: new Map(),
  });
  useEffect(() => {
    let live = true;
    Promise.all([accountsApi.list(), erpApi.get()])
      .then(([accounts, erp]) => {
        if (live) setTypes({ accounts: new Map(accounts.map((a) => [a.id, a.type])), erp: erp?.type });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return {
    marketplaceOf: (accountId) =>
      systemName(types.accounts.get(accountId), i18n.t('systems.marketplace', { ns: 'common' })),
    erp: systemName(types.erp, i18n.t('systems.erp', { ns: 'common' })),
  };
}
