import { defineMessages } from 'react-intl';
import type { Section } from '../../components/SectionNav';
import { AccountsPage } from './AccountsPage';
import { BroadcastsPage } from './BroadcastsPage';
import { DashboardPage } from './DashboardPage';
import { MailboxPage } from './MailboxPage';

const labels = defineMessages({
  accounts: { id: 'operator.nav.accounts', defaultMessage: 'Accounts' },
  mailbox: { id: 'operator.nav.mailbox', defaultMessage: 'Mailbox' },
  dashboard: { id: 'operator.nav.dashboard', defaultMessage: 'Dashboard' },
  broadcasts: { id: 'operator.nav.broadcasts', defaultMessage: 'Broadcasts' },
});

/** The operator console's pages, in navigation order (an account's page counts as Accounts). */
export const OPERATOR_SECTIONS: Section[] = [
  { key: 'accounts', label: labels.accounts, path: '', element: <AccountsPage />, alsoActiveOn: 'accounts/*' },
  { key: 'dashboard', label: labels.dashboard, path: 'dashboard', element: <DashboardPage /> },
  { key: 'broadcasts', label: labels.broadcasts, path: 'broadcasts', element: <BroadcastsPage /> },
  { key: 'mailbox', label: labels.mailbox, path: 'mailbox', element: <MailboxPage /> },
];
