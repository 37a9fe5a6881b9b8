import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('erp');
  return (
    <dl className="facts">
      <div>
        <dt>{t('facts.url')}</dt>
        <dd className="mono">{erp.url}</dd>
      </div>
      <div>
        <dt>{t('facts.database')}</dt>
        <dd className="mono">{erp.database}</dd>
      </div>
      <div>
        <dt>{t('facts.login')}</dt>
        <dd>{erp.login}</dd>
      </div>
      <div>
        <dt>{t('facts.apiKey')}</dt>
        <dd className="mono">{erp.apiKey}</dd>
      </div>
      <div>
        <dt>{t('facts.lastVerified')}</dt>
        <dd>{erp.lastVerifiedAt ? <RelativeTime iso={erp.lastVerifiedAt} now={now} /> : t('facts.never')}</dd>
      </div>
      <div>
        <dt>{t('facts.warehouses')}</dt>
        <dd>
          {erp.warehouses.length === 0 ? (
            <span className="muted">{t('facts.noneFound')}</span>
          ) : (
            <WarehouseChips warehouses={erp.warehouses} synced={erp.settings.warehouseId} />
          )}
        </dd>
      </div>
      <div>
        <dt>{t('facts.carriers')}</dt>
        <dd>
          {erp.carriers.length === 0 ? (
            <span className="muted">{t('facts.noneFound')}</span>
          ) : (
            <ul className="chips" aria-label={t('facts.carriers')}>
              {erp.carriers.map((carrier) => (
                <li key={carrier.id} className="chip chip-name">
                  {carrier.name}
                </li>
              ))}
            </ul>
          )}
          <Link to="/carriers">{t('facts.mapCarriers')}</Link>
        </dd>
      </div>
    </dl>
  );
}
