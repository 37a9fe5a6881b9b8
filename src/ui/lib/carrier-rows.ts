/**
 * The Odoo carriers the mapping page lists: those the ERP connection read, those already mapped (an Odoo
 * carrier renamed or archived since keeps its row, so it can be unmapped), and the one an issue link names
 * (a carrier created in Odoo after the ERP was connected). Sorted, each once.
 */
export function carrierRows(
  erpCarriers: readonly string[],
  mapping: Readonly<Record<string, string>>,
  fromLink: string,
): string[] {
  const names = [...erpCarriers, ...Object.keys(mapping), ...(fromLink.trim() ? [fromLink.trim()] : [])];
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** The mapping to save: rows left on "not mapped" are left out (their shipments wait as an issue). */
export function mappingToSave(draft: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(draft).filter(([, code]) => code !== ''));
}
