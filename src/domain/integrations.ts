import type { Locale } from './locales';

/**
 * One entry of the integration catalog (config/integration-types.json): `name` is the English
 * name, `names` the name in other languages where the catalog gives one.
 */
export type IntegrationType = { type: string; name: string; names?: Partial<Record<Locale, string>>; merchantIssueContacts: boolean };

/** An integration's name in a language, else its English name. */
export function integrationName(integration: IntegrationType, locale: Locale): string {
  return integration.names?.[locale] ?? integration.name;
}

export type IntegrationCatalog = ReadonlyMap<string, IntegrationType>;

/** An account has the merchant-issue field when any of its integration types enables it. */
export function hasMerchantIssueContacts(catalog: IntegrationCatalog, types: readonly string[]): boolean {
  return types.some((type) => catalog.get(type)?.merchantIssueContacts === true);
}
