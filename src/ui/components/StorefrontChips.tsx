import { storefrontName } from '../lib/storefronts.ts';

interface Props {
  available: string[];
  /** null = all of them are synced. */
  synced: string[] | null;
}

/** The account's storefronts; ones left out of the sync are dimmed and named as such. */
export function StorefrontChips({ available, synced }: Props) {
  const isSynced = (code: string) => synced === null || synced.includes(code);
  return (
    <>
      <ul className="chips" aria-label="Storefronts">
        {available.map((code) => (
          <li
            key={code}
            className={isSynced(code) ? 'chip' : 'chip chip-off'}
            title={`${storefrontName(code)}${isSynced(code) ? '' : ' (not synced)'}`}
          >
            {code.toUpperCase()}
          </li>
        ))}
      </ul>
      {synced !== null && (
        <span className="facts-note">Syncing {synced.map((s) => s.toUpperCase()).join(', ')} only</span>
      )}
    </>
  );
}
