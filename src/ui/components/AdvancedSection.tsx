import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Controlled, so that a refused submit can open it to show the message of a field inside. */
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}

/** Settings most never need, folded away under "Advanced". */
export function AdvancedSection({ open, onToggle, children }: Props) {
  const { t } = useTranslation('common');
  return (
    <details className="advanced" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('advanced')}</summary>
      {children}
    </details>
  );
}
