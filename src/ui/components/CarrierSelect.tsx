import { useTranslation } from 'react-i18next';
import type { CarrierCodes } from '../lib/use-carrier-codes.ts';
import type { ControlProps } from './Field.tsx';

interface Props {
  codes: CarrierCodes;
  value: string;
  onChange: (value: string) => void;
  /** Shown as the first, empty choice (the mapping page: "not mapped yet"); none = a code must be chosen. */
  emptyLabel?: string;
  control?: ControlProps;
}

/**
 * A choice from Kaufland's own carrier list, never free text: a typo would only show up later as a refused
 * shipment. A stored code missing from the list stays visible (marked) so saving does not silently change it.
 */
export function CarrierSelect({ codes, value, onChange, emptyLabel, control }: Props) {
  const { t } = useTranslation('carriers');
  const list = codes.state === 'ready' ? codes.codes : [];
  const stale = value !== '' && !list.includes(value);
  return (
    <select
      className="input"
      {...control}
      value={value}
      disabled={codes.state !== 'ready'}
      onChange={(e) => onChange(e.target.value)}
    >
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {stale && (
        <option value={value}>{codes.state === 'ready' ? t('notOnList', { code: value }) : value}</option>
      )}
      {list.map((code) => (
        <option key={code} value={code}>
          {code}
        </option>
      ))}
    </select>
  );
}
