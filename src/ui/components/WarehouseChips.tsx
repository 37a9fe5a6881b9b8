import type { ErpWarehouse } from '../erp-types.ts';

interface Props {
  warehouses: ErpWarehouse[];
  /** The warehouse stock is read from; null = none chosen. */
  synced: string | null;
}

/** The ERP's warehouses by code; with several, the ones stock is not read from are dimmed and named as such. */
export function WarehouseChips({ warehouses, synced }: Props) {
  const isSynced = (id: string) => synced === null || synced === id;
  const chosen = warehouses.find((w) => w.id === synced);
  return (
    <>
      <ul className="chips" aria-label="Warehouses">
        {warehouses.map((w) => (
          <li
            key={w.id}
            className={isSynced(w.id) ? 'chip' : 'chip chip-off'}
            title={`${w.name}${isSynced(w.id) ? '' : ' (stock not read)'}`}
          >
            {w.code || w.name}
          </li>
        ))}
      </ul>
      {chosen && (
        <span className="facts-note">
          Stock from {chosen.name}
          {chosen.code && ` (${chosen.code})`}
        </span>
      )}
    </>
  );
}
