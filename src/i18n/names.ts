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

/** Liaison's own notifications (a test, an integration switched): worded in each reader's language, in emails and on screens. */
export const NOTIFICATION_TEMPLATES = ['test', 'integration_disabled', 'integration_enabled'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export const NOTIFICATION_TEXTS = defineMessages({
  testTitle: { id: 'email.notification.test.title', defaultMessage: 'Test notification' },
  disabledTitle: { id: 'email.notification.integrationDisabled.title', defaultMessage: 'Integration disabled: {integration}' },
  disabledBody: {
    id: 'email.notification.integrationDisabled.body',
    defaultMessage: 'The platform disabled the integration {integration}. Reason given: {reason}',
  },
  enabledTitle: { id: 'email.notification.integrationEnabled.title', defaultMessage: 'Integration enabled again: {integration}' },
  enabledBody: {
    id: 'email.notification.integrationEnabled.body',
    defaultMessage: 'The platform enabled the integration {integration} again. {reason, select, none {} other {Reason given: {reason}}}',
  },
});

type Format = (message: MessageDescriptor, values?: Record<string, string>) => string;

/** The title and body of a notification as its reader sees them: Liaison's own in their language, a caller's as given. */
export function notificationText(
  format: Format,
  notification: { title: string; body: string; template?: { id: string; params: Record<string, string> } | null },
  locale?: string,
): { title: string; body: string } {
  const given = notification.template?.params ?? {};
  // A name given per language (`integration.he`) wins over the English one.
  const params = { ...given, ...(locale && given[`integration.${locale}`] ? { integration: given[`integration.${locale}`]! } : {}) };
  switch (notification.template?.id) {
    case 'test':
      return { title: format(NOTIFICATION_TEXTS.testTitle), body: '' };
    case 'integration_disabled':
      return { title: format(NOTIFICATION_TEXTS.disabledTitle, params), body: format(NOTIFICATION_TEXTS.disabledBody, { reason: '', ...params }) };
    case 'integration_enabled':
      return { title: format(NOTIFICATION_TEXTS.enabledTitle, params), body: format(NOTIFICATION_TEXTS.enabledBody, { reason: 'none', ...params }) };
    default:
      return { title: notification.title, body: notification.body };
  }
}
