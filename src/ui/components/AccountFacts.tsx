import { useTranslation } from 'react-i18next';
import type { Account } from '../api-types.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { StorefrontChips } from './StorefrontChips.tsx';

interface Props {
  account: Account;
  defaultBaseUrl: string | undefined;
  now: number;
}

/** What a connected account is at a glance: masked key, storefronts, last check, what it syncs. */
export function AccountFacts({ account, defaultBaseUrl, now }: Props) {
  const { t } = useTranslation('accounts');
  const { settings } = account;
  const syncing = [
    settings.productStockSync && t('sync.productStockSync'),
    settings.orderImport && t('sync.orderImport'),
    settings.shipmentConfirmation && t('sync.shipmentConfirmation'),
  ].filter((s): s is string => typeof s === 'string');
  return (
    <dl className="facts">
      <div>
        <dt>{t('clientId')}</dt>
        <dd className="mono">{account.clientId}</dd>
      </div>
      <div>
        <dt>{t('facts.storefronts')}</dt>
        <dd>
          {account.storefronts.length === 0 ? (
            <span className="muted">{t('facts.noneReported')}</span>
          ) : (
            <StorefrontChips available={account.storefronts} synced={settings.storefronts} />
          )}
        </dd>
      </div>
      <div>
        <dt>{t('facts.lastVerified')}</dt>
        <dd>
          {account.lastVerifiedAt ? (
            <RelativeTime iso={account.lastVerifiedAt} now={now} />
          ) : (
            t('common:never')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('facts.syncing')}</dt>
        <dd>
          {syncing.length > 0 ? syncing.join(' · ') : <span className="muted">{t('facts.nothingOn')}</span>}
        </dd>
      </div>
      {defaultBaseUrl !== undefined && account.baseUrl !== defaultBaseUrl && (
        <div className="facts-wide">
          <dt>{t('facts.baseUrl')}</dt>
          <dd className="mono">{account.baseUrl}</dd>
        </div>
      )}
    </dl>
  );
}
