import { AppError, type FieldError } from '../core/errors.ts';
import type { AccountSettings, AccountSettingsPatch } from './account-settings.ts';

/**
 * The codes a patch sets that differ from the stored settings: only those need the marketplace's list, so
 * saving an unrelated setting neither calls the marketplace nor fails on a code stored before this check.
 */
export function changedCarrierCodes(
  current: AccountSettings,
  patch: AccountSettingsPatch | undefined,
): boolean {
  if (!patch) return false;
  if (patch.defaultCarrier !== undefined && patch.defaultCarrier !== current.defaultCarrier) return true;
  return Object.entries(patch.carrierMapping ?? {}).some(
    ([erp, code]) => current.carrierMapping[erp] !== code,
  );
}

/**
 * Refuses a default carrier or mapping that names a code the marketplace does not list (GET /carriers): a typo
 * saved here ("dhl express typo") would only surface later as a refused shipment confirmation. Codes match
 * exactly, case included, as the marketplace spells them.
 */
export function assertKnownCarriers(
  current: AccountSettings,
  patch: AccountSettingsPatch | undefined,
  known: readonly string[],
): void {
  if (!patch) return;
  const codes = new Set(known);
  const problems: FieldError[] = [];
  if (
    patch.defaultCarrier !== undefined &&
    patch.defaultCarrier !== current.defaultCarrier &&
    !codes.has(patch.defaultCarrier)
  )
    problems.push({
      field: 'settings.defaultCarrier',
      message: `Kaufland has no carrier "${patch.defaultCarrier}". Choose one from its list.`,
    });
  for (const [erpCarrier, code] of Object.entries(patch.carrierMapping ?? {})) {
    if (current.carrierMapping[erpCarrier] !== code && !codes.has(code))
      problems.push({
        field: `settings.carrierMapping.${erpCarrier}`,
        message: `Kaufland has no carrier "${code}" (for ${erpCarrier}). Choose one from its list.`,
      });
  }
  if (problems.length === 0) return;
  throw new AppError(
    'input',
    'account.unknown_carrier',
    problems.length === 1
      ? problems[0]!.message
      : `${problems.length} carriers are not on Kaufland's list; choose each from the list.`,
    { fields: problems },
  );
}
