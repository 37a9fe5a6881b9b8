import type { Erp } from '../erp-types.ts';
import { Link } from './Link.tsx';
import { RelativeTime } from './RelativeTime.tsx';
import { WarehouseChips } from './WarehouseChips.tsx';

interface Props {
  erp: Erp;
  now: number;
}

/** Where the ERP is, who AdlerDo signs in as (key masked), when that last worked, and what it found there. */
export function ErpFacts({ erp, now }: Props) {
  return (
    <dl className="facts">
      <div>
        <dt>URL</dt>
        <dd className="mono">{erp.url}</dd>
      </div>
      <div>
        <dt>Database</dt>
        <dd className="mono">{erp.database}</dd>
      </div>
      <div>
        <dt>Login</dt>
        <dd>{erp.login}</dd>
      </div>
      <div>
        <dt>API key</dt>
        <dd className="mono">{erp.apiKey}</dd>
      </div>
      <div>
        <dt>Last verified</dt>
        <dd>{erp.lastVerifiedAt ? <RelativeTime iso={erp.lastVerifiedAt} now={now} /> : 'Never'}</dd>
      </div>
      <div>
        <dt>Warehouses</dt>
        <dd>
          {erp.warehouses.length === 0 ? (
            <span className="muted">None found</span>
          ) : (
            <WarehouseChips warehouses={erp.warehouses} synced={erp.settings.warehouseId} />
          )}
        </dd>
      </div>
      <div>
        <dt>Carriers</dt>
        <dd>
          {erp.carriers.length === 0 ? (
            <span className="muted">None found</span>
          ) : (
            <ul className="chips" aria-label="Carriers">
              {erp.carriers.map((carrier) => (
                <li key={carrier.id} className="chip chip-name">
                  {carrier.name}
                </li>
              ))}
            </ul>
          )}
          <Link to="/carriers">Map them to Kaufland carriers</Link>
        </dd>
      </div>
    </dl>
  );
}
