import { useTranslation } from 'react-i18next';
import type { ErpWarehouse } from '../erp-types.ts';

interface Props {
  warehouses: ErpWarehouse[];
  /** The warehouse stock is read from; null = none chosen. */
  synced: string | null;
}

/** The ERP's warehouses by code; with several, the ones stock is not read from are dimmed and named as such. */
export function WarehouseChips({ warehouses, synced }: Props) {
  const { t } = useTranslation('erp');
  const isSynced = (id: string) => synced === null || synced === id;
  const chosen = warehouses.find((w) => w.id === synced);
  return (
    <>
      <ul className="chips" aria-label={t('facts.warehouses')}>
        {warehouses.map((w) => (
          <li
            key={w.id}
            className={isSynced(w.id) ? 'chip' : 'chip chip-off'}
            title={isSynced(w.id) ? w.name : t('facts.stockNotRead', { name: w.name })}
          >
            {w.code || w.name}
          </li>
        ))}
      </ul>
      {chosen && (
        <span className="facts-note">
          {t('facts.stockFrom', { name: chosen.code ? `${chosen.name} (${chosen.code})` : chosen.name })}
        </span>
      )}
    </>
  );
}
