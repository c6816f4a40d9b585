import { defineMessages, type MessageDescriptor } from 'react-intl';
import { CONTACT_FIELDS, type ContactField } from '../../domain/contact-fields';

/** The names people know the seven contact fields by (PRODUCT.md), keyed by their API names. */
export const CONTACT_FIELD_NAMES: Record<ContactField, MessageDescriptor> = defineMessages({
  alertContacts: { id: 'contactField.alertContacts', defaultMessage: 'Alert contacts' },
  technicalEmergencyContacts: { id: 'contactField.technicalEmergencyContacts', defaultMessage: 'Technical emergency contacts' },
  technicalNonEmergencyContacts: { id: 'contactField.technicalNonEmergencyContacts', defaultMessage: 'Technical non-emergency contacts' },
  merchantIssueContacts: { id: 'contactField.merchantIssueContacts', defaultMessage: 'Operational contact for merchant issues' },
  operationalContactsForPlatform: { id: 'contactField.operationalContactsForPlatform', defaultMessage: 'Operational contact for the platform' },
  operationalContactForUsers: { id: 'contactField.operationalContactForUsers', defaultMessage: 'Operational contact to share with users' },
  operationalSupport: { id: 'contactField.operationalSupport', defaultMessage: 'Operational support' },
});

/** Fields in the order the UI shows them, whatever order they came in. */
export function inDisplayOrder(fields: readonly ContactField[]): ContactField[] {
  return CONTACT_FIELDS.filter((field) => fields.includes(field));
}
