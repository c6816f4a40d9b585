import type { ContactField } from '../domain/contact-fields';
import type { Category } from '../domain/routing';
import { defineMessages, type MessageDescriptor } from './messages';

/** The names people know the seven contact fields by: the web, emails and the API share them. */
export const CONTACT_FIELD_NAMES: Record<ContactField, MessageDescriptor> = defineMessages({
  alertContacts: { id: 'contactField.alertContacts', defaultMessage: 'Alert contacts' },
  technicalEmergencyContacts: { id: 'contactField.technicalEmergencyContacts', defaultMessage: 'Technical emergency contacts' },
  technicalNonEmergencyContacts: { id: 'contactField.technicalNonEmergencyContacts', defaultMessage: 'Technical non-emergency contacts' },
  merchantIssueContacts: { id: 'contactField.merchantIssueContacts', defaultMessage: 'Operational contact for merchant issues' },
  operationalContactsForPlatform: { id: 'contactField.operationalContactsForPlatform', defaultMessage: 'Operational contact for the platform' },
  operationalContactForUsers: { id: 'contactField.operationalContactForUsers', defaultMessage: 'Operational contact to share with users' },
  operationalSupport: { id: 'contactField.operationalSupport', defaultMessage: 'Operational support' },
});

/** Notification categories as people read them. */
export const CATEGORY_NAMES: Record<Category, MessageDescriptor> = defineMessages({
  alert: { id: 'category.alert', defaultMessage: 'Alert' },
  emergency: { id: 'category.emergency', defaultMessage: 'Emergency' },
  technical: { id: 'category.technical', defaultMessage: 'Technical' },
  merchant_issue: { id: 'category.merchant_issue', defaultMessage: 'Merchant issue' },
  user_escalation: { id: 'category.user_escalation', defaultMessage: 'User escalation' },
});
