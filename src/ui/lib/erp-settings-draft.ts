import { i18n } from '../i18n/index.ts';
import type { ErpProductType, ErpSettings, ErpSettingsPatch } from '../erp-types.ts';
import type { FieldMessages } from './form-errors.ts';

/** The ERP settings form's state; the buffer as typed, so a half-typed value is not rewritten under the cursor. */
export interface ErpSettingsDraft {
  /** '' = none chosen. */
  warehouseId: string;
  safetyBuffer: string;
  productTypes: ErpProductType[];
}

/** Input names are the server's field paths, so its messages land under the right input. */
export const ERP_SETTINGS_FIELDS = [
  'settings.warehouseId',
  'settings.safetyBuffer',
  'settings.productTypes',
] as const;

export const PRODUCT_TYPES: readonly ErpProductType[] = ['storable', 'consumable'];

export function toErpDraft(settings: ErpSettings): ErpSettingsDraft {
  return {
    warehouseId: settings.warehouseId ?? '',
    safetyBuffer: String(settings.safetyBuffer),
    productTypes: settings.productTypes,
  };
}

/** Checks what only the browser can (is the buffer a whole number at all); the rest is the server's to judge. */
export function toErpPatch(draft: ErpSettingsDraft): { patch: ErpSettingsPatch } | { errors: FieldMessages } {
  const buffer = Number(draft.safetyBuffer.trim());
  if (draft.safetyBuffer.trim() === '' || !Number.isInteger(buffer)) {
    return { errors: { 'settings.safetyBuffer': i18n.t('settings.bufferInvalid', { ns: 'erp' }) } };
  }
  return {
    patch: {
      ...(draft.warehouseId !== '' && { warehouseId: draft.warehouseId }),
      safetyBuffer: buffer,
      productTypes: PRODUCT_TYPES.filter((t) => draft.productTypes.includes(t)),
    },
  };
}
