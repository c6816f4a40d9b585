/** The seven contact fields of the product, in the order the UI shows them. */
export const CONTACT_FIELDS = [
  'alertContacts',
  'technicalEmergencyContacts',
  'technicalNonEmergencyContacts',
  'merchantIssueContacts',
  'operationalContactsForPlatform',
  'operationalContactForUsers',
  'operationalSupport',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The fields an account must fill: all but merchant issues, which only some integrations have. */
export function requiredFields(hasMerchantIssueContacts: boolean): ContactField[] {
  return CONTACT_FIELDS.filter((field) => field !== 'merchantIssueContacts' || hasMerchantIssueContacts);
}
