import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { ContactField } from '../../../domain/contact-fields';

/**
 * What each contact field is for, in one place: the form shows it under each group's heading,
 * the help page lists them all. `{platform}` is the operator's name.
 */
export const FIELD_EXPLANATIONS: Record<ContactField, MessageDescriptor> = defineMessages({
  alertContacts: {
    id: 'contactInfo.explain.alertContacts',
    defaultMessage:
      "Users of this portal who can look into problems in Production that are not emergencies. Automated alert emails from {platform} go to them whenever an issue is detected. Pick them from the account's users.",
  },
  technicalEmergencyContacts: {
    id: 'contactInfo.explain.technicalEmergencyContacts',
    defaultMessage: 'Reached at once when something is urgent, for example when {platform} disables your integration.',
  },
  technicalNonEmergencyContacts: {
    id: 'contactInfo.explain.technicalNonEmergencyContacts',
    defaultMessage: 'For ongoing technical work that needs your engineers: API migrations, matching problems, feed errors.',
  },
  merchantIssueContacts: {
    id: 'contactInfo.explain.merchantIssueContacts',
    defaultMessage:
      'Told about problems raised by merchants, for example a merchant asking to be removed from a partner it does no business with. Your integration needs this field.',
  },
  operationalContactsForPlatform: {
    id: 'contactInfo.explain.operationalContactsForPlatform',
    defaultMessage:
      "Whom {platform} contacts when a user's problem needs you to step in, for example a booking that was not honored. Only {platform} sees these addresses: they are never shown to users.",
  },
  operationalContactForUsers: {
    id: 'contactInfo.explain.operationalContactForUsers',
    defaultMessage:
      "Shown to users who need help with a refund, a cancellation or a change to an order. Usually your brand's support address; phone and website are optional.",
  },
  operationalSupport: {
    id: 'contactInfo.explain.operationalSupport',
    defaultMessage: 'When your support team helps users, and in which time zone. Select all that apply: 24/7, or one or more weekly windows.',
  },
});
