import { DEFAULT_LOCALE, SUPPORTED_LOCALES, isSupportedLocale, textDirection, type Locale } from '../../domain/locales';
import type { MessageFormatElement } from 'react-intl';

/**
 * The UI's languages. The list itself is shared with the server (src/domain/locales.ts);
 * adding a language = its catalog in locales/<code>.json + its code in SUPPORTED_LOCALES +
 * a loader below (the Record type makes the compiler ask for it).
 */
export { DEFAULT_LOCALE, SUPPORTED_LOCALES, isSupportedLocale, textDirection, type Locale };

/** Catalogs precompiled to ICU syntax trees at build (`npm run i18n:compile`): no parser in the bundle. */
export type Messages = Record<string, MessageFormatElement[]>;

// One chunk per language, loaded on demand.
const COMPILED = import.meta.glob<{ default: Messages }>('./compiled/*.json');

export async function loadMessages(locale: Locale): Promise<Messages> {
  const load = COMPILED[`./compiled/${locale}.json`];
  if (!load) throw new Error(`No compiled catalog for ${locale}: run npm run i18n:compile`);
  return (await load()).default;
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
