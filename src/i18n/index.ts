import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from '../domain/locales';
import type { MessageDescriptor } from './messages';

type Catalog = Record<string, string>;

const localesDir = fileURLToPath(new URL('../../locales/', import.meta.url));

function readCatalog(locale: Locale): Catalog {
  const file = `${localesDir}${locale}.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalog) : {};
}

const catalogs = new Map<Locale, Catalog>(SUPPORTED_LOCALES.map((locale) => [locale, readCatalog(locale)]));
const compiled = new Map<string, IntlMessageFormat>();

export type Translate = (message: MessageDescriptor, values?: Record<string, string | number>) => string;

/** A translator for one locale; a message missing from its catalog falls back to English. */
export function translator(locale: Locale): Translate {
  return (message, values) => {
    const source = catalogs.get(locale)?.[message.id] ?? catalogs.get(DEFAULT_LOCALE)?.[message.id] ?? message.defaultMessage;
    const key = `${locale}\u0000${source}`;
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(source, locale);
      compiled.set(key, format);
    }
    return String(format.format(values));
  };
}

/** The best supported locale for an Accept-Language header, or undefined when none fits. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const negotiator = new Negotiator({ headers: { 'accept-language': header } });
  // Match on the primary subtag: "pl-PL" means Polish.
  for (const tag of negotiator.languages()) {
    const primary = tag.toLowerCase().split('-')[0] as Locale;
    if ((SUPPORTED_LOCALES as readonly string[]).includes(primary)) return primary;
  }
  return undefined;
}
