import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../api-types.ts';

export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation('common');
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
