import type { AccountSettings } from '../../../accounts/account-settings.ts';

export const ISSUE_CARRIER_UNMAPPED = 'shipment.carrier_unmapped';

/**
 * The marketplace carrier code for an ERP delivery's carrier. A delivery without a carrier uses the account's
 * default; a named ERP carrier without a mapping gives undefined: confirming it as the default would tell the
 * buyer a DPD parcel travels with DHL, so the line waits for the seller to map it.
 */
export function resolveCarrier(
  settings: Pick<AccountSettings, 'carrierMapping' | 'defaultCarrier'>,
  erpCarrier: string | null | undefined,
): string | undefined {
  const name = erpCarrier?.trim() ?? '';
  if (name === '') return settings.defaultCarrier;
  return Object.hasOwn(settings.carrierMapping, name) ? settings.carrierMapping[name] : undefined;
}
