/** The languages of the UI, the API's messages and emails. Adding one = a catalog in locales/ + an entry here. */
export const SUPPORTED_LOCALES = ['en', 'he', 'pl'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Right-to-left scripts among the languages we may support. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return ['he', 'ar', 'fa', 'ur'].includes(locale.split('-')[0]!) ? 'rtl' : 'ltr';
}
