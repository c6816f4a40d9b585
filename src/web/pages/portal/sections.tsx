import { defineMessages } from 'react-intl';
import type { Section } from '../../components/SectionNav';
import { OverviewPage } from './OverviewPage';
import { UsersPage } from './UsersPage';

const labels = defineMessages({
  overview: { id: 'portal.nav.overview', defaultMessage: 'Overview' },
  configuration: { id: 'portal.nav.configuration', defaultMessage: 'Configuration' },
  users: { id: 'portal.nav.users', defaultMessage: 'Users' },
});

/**
 * The partner portal's pages, in navigation order; the nav and the routes both follow this
 * list. Still to come: "Notifications" and "Audit log" after Overview, and "Contact
 * information" before "Users" in the Configuration group.
 */
export const PORTAL_SECTIONS: Section[] = [
  { key: 'overview', label: labels.overview, path: '', element: <OverviewPage /> },
  {
    key: 'configuration',
    label: labels.configuration,
    children: [{ key: 'users', label: labels.users, path: 'configuration/users', element: <UsersPage /> }],
  },
];
