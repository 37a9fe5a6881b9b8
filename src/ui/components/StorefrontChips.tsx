import { useTranslation } from 'react-i18next';
import { storefrontName } from '../lib/storefronts.ts';

interface Props {
  available: string[];
  /** null = all of them are synced. */
  synced: string[] | null;
}

/** The account's storefronts; ones left out of the sync are dimmed and named as such. */
export function StorefrontChips({ available, synced }: Props) {
  const { t } = useTranslation('common');
  const isSynced = (code: string) => synced === null || synced.includes(code);
  return (
    <>
      <ul className="chips" aria-label={t('storefronts.label')}>
        {available.map((code) => (
          <li
            key={code}
            className={isSynced(code) ? 'chip' : 'chip chip-off'}
            title={
              isSynced(code)
                ? storefrontName(code)
                : t('storefronts.notSynced', { name: storefrontName(code) })
            }
          >
            {code.toUpperCase()}
          </li>
        ))}
      </ul>
      {synced !== null && (
        <span className="facts-note">
          {t('storefronts.only', { list: synced.map((s) => s.toUpperCase()).join(', ') })}
        </span>
      )}
    </>
  );
}
