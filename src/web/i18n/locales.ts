import { DEFAULT_LOCALE, SUPPORTED_LOCALES, isSupportedLocale, textDirection, type Locale } from '../../domain/locales';
import en from '../../../locales/en.json';

/**
 * The UI's languages. The list itself is shared with the server (src/domain/locales.ts);
 * adding a language = its catalog in locales/<code>.json + its code in SUPPORTED_LOCALES +
 * a loader below (the Record type makes the compiler ask for it).
 */
export { DEFAULT_LOCALE, SUPPORTED_LOCALES, isSupportedLocale, textDirection, type Locale };

export type Messages = Record<string, string>;

/** English ships inside the main bundle; other catalogs load on demand. */
const CATALOGS: Record<Locale, () => Promise<Messages>> = {
  en: async () => en as Messages,
};

export function loadMessages(locale: Locale): Promise<Messages> {
  return CATALOGS[locale]();
}

/** The best supported locale for a list of BCP 47 tags (e.g. navigator.languages), matching on the primary subtag. */
export function bestLocale(tags: readonly (string | null | undefined)[]): Locale | undefined {
  for (const tag of tags) {
    if (!tag) continue;
    const exact = tag.toLowerCase();
    if (isSupportedLocale(exact)) return exact;
    const primary = exact.split('-')[0];
    if (isSupportedLocale(primary)) return primary;
  }
  return undefined;
}

/** The language's own name for itself ("English", "Polski", "עברית"), for the language picker. */
export function endonym(locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    if (name) return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    // Intl.DisplayNames missing: fall back to the code.
  }
  return locale;
}
