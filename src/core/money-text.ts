/**
 * Minor units as plain text with the currency code, "4187.61 CZK": for logs, issues, the timeline and the CLI
 * (the web app formats by locale). The minor digits come from the currency (2 for EUR, CZK, PLN; 0 for JPY), so
 * an amount is never shown 100 times too large.
 */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
}

export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2; // not an ISO code Intl knows: Kaufland's money is cents
  }
}
