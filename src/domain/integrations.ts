/** One entry of the integration catalog (config/integration-types.json). */
export type IntegrationType = { type: string; name: string; merchantIssueContacts: boolean };

export type IntegrationCatalog = ReadonlyMap<string, IntegrationType>;

/** An account has the merchant-issue field when any of its integration types enables it. */
export function hasMerchantIssueContacts(catalog: IntegrationCatalog, types: readonly string[]): boolean {
  return types.some((type) => catalog.get(type)?.merchantIssueContacts === true);
}
