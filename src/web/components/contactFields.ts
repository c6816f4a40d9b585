import { CONTACT_FIELDS, type ContactField } from '../../domain/contact-fields';

/** The names people know the seven contact fields by: shared with emails (src/i18n/names.ts). */
export { CONTACT_FIELD_NAMES } from '../../i18n/names';

/** Fields in the order the UI shows them, whatever order they came in. */
export function inDisplayOrder(fields: readonly ContactField[]): ContactField[] {
  return CONTACT_FIELDS.filter((field) => fields.includes(field));
}
