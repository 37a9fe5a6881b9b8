/**
 * The file name a document is uploaded under: its ERP number with anything but letters, digits, dots and
 * dashes made a dash ("INV/2026/00004" → "INV-2026-00004.pdf"). The name is how the hub recognises its own
 * upload on the marketplace before uploading again, so it must come from the number alone, never a time.
 */
export function documentFileName(number: string): string {
  const stem = number
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${stem || 'document'}.pdf`;
}

/** The same document on the marketplace: file names compared without regard to case. */
export function sameFileName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
