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
  const { settings } = account;
  const syncing = [
    settings.productStockSync && 'Product & stock sync',
    settings.orderImport && 'Order import',
    settings.shipmentConfirmation && 'Shipment confirmation',
  ].filter((s): s is string => typeof s === 'string');
  return (
    <dl className="facts">
      <div>
        <dt>Client ID</dt>
        <dd className="mono">{account.clientId}</dd>
      </div>
      <div>
        <dt>Storefronts</dt>
        <dd>
          {account.storefronts.length === 0 ? (
            <span className="muted">None reported</span>
          ) : (
            <StorefrontChips available={account.storefronts} synced={settings.storefronts} />
          )}
        </dd>
      </div>
      <div>
        <dt>Last verified</dt>
        <dd>{account.lastVerifiedAt ? <RelativeTime iso={account.lastVerifiedAt} now={now} /> : 'Never'}</dd>
      </div>
      <div>
        <dt>Syncing</dt>
        <dd>{syncing.length > 0 ? syncing.join(' · ') : <span className="muted">Nothing turned on</span>}</dd>
      </div>
      {defaultBaseUrl !== undefined && account.baseUrl !== defaultBaseUrl && (
        <div className="facts-wide">
          <dt>API base URL</dt>
          <dd className="mono">{account.baseUrl}</dd>
        </div>
      )}
    </dl>
  );
}
