import { defineMessages } from 'react-intl';
import type { Section } from '../../components/SectionNav';
import { MailboxPage } from './MailboxPage';

const labels = defineMessages({
  mailbox: { id: 'operator.nav.mailbox', defaultMessage: 'Mailbox' },
});

/**
 * The operator console's pages, in navigation order ("Accounts" is added before "Mailbox"
 * by a later issue, and then becomes the console's index page).
 */
export const OPERATOR_SECTIONS: Section[] = [{ key: 'mailbox', label: labels.mailbox, path: 'mailbox', element: <MailboxPage /> }];
