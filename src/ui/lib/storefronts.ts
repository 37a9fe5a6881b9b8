import { currentLanguage } from '../i18n/index.ts';

const regionNames = new Map<string, Intl.DisplayNames>();

/** "de" → "Germany" / "Deutschland" in the language on screen; unknown codes are shown as they are. */
export function storefrontName(code: string, language: string = currentLanguage()): string {
  try {
    let names = regionNames.get(language);
    if (!names) {
      names = new Intl.DisplayNames([language], { type: 'region' });
      regionNames.set(language, names);
    }
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
