const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "de" → "Germany"; unknown codes are shown as they are. */
export function storefrontName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
