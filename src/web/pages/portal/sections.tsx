import { defineMessages } from 'react-intl';
import type { Section } from '../../components/SectionNav';
import { AuditLogPage } from './AuditLogPage';
import { ContactInfoPage } from './ContactInfoPage';
import { NotificationsPage } from './NotificationsPage';
import { OverviewPage } from './OverviewPage';
import { UsersPage } from './UsersPage';
import { WebhooksPage } from './WebhooksPage';
import { MaintenancePage } from './MaintenancePage';
import { BusinessHoursPage } from './BusinessHoursPage';

const labels = defineMessages({
  overview: { id: 'portal.nav.overview', defaultMessage: 'Overview' },
  notifications: { id: 'portal.nav.notifications', defaultMessage: 'Notifications' },
  auditLog: { id: 'portal.nav.auditLog', defaultMessage: 'Audit log' },
  configuration: { id: 'portal.nav.configuration', defaultMessage: 'Configuration' },
  contactInfo: { id: 'portal.nav.contactInfo', defaultMessage: 'Contact information' },
  users: { id: 'portal.nav.users', defaultMessage: 'Users' },
  webhooks: { id: 'portal.nav.webhooks', defaultMessage: 'Webhooks' },
  maintenance: { id: 'portal.nav.maintenance', defaultMessage: 'Maintenance' },
  businessHours: { id: 'portal.nav.businessHours', defaultMessage: 'Business hours' },
});

/** The partner portal's pages, in navigation order; the nav and the routes both follow this list. */
export const PORTAL_SECTIONS: Section[] = [
  { key: 'overview', label: labels.overview, path: '', element: <OverviewPage /> },
  { key: 'notifications', label: labels.notifications, path: 'notifications', element: <NotificationsPage /> },
  { key: 'auditLog', label: labels.auditLog, path: 'audit-log', element: <AuditLogPage /> },
  {
    key: 'configuration',
    label: labels.configuration,
    children: [
      { key: 'contactInfo', label: labels.contactInfo, path: 'configuration/contact-information', element: <ContactInfoPage /> },
      { key: 'users', label: labels.users, path: 'configuration/users', element: <UsersPage /> },
      { key: 'webhooks', label: labels.webhooks, path: 'configuration/webhooks', element: <WebhooksPage /> },
      { key: 'maintenance', label: labels.maintenance, path: 'configuration/maintenance', element: <MaintenancePage /> },
      { key: 'businessHours', label: labels.businessHours, path: 'configuration/business-hours', element: <BusinessHoursPage /> },
    ],
  },
];
