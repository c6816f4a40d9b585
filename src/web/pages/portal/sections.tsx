import { defineMessages } from 'react-intl';
import type { Section } from '../../components/SectionNav';
import { OverviewPage } from './OverviewPage';

const labels = defineMessages({
  overview: { id: 'portal.nav.overview', defaultMessage: 'Overview' },
});

/**
 * The partner portal's pages, in navigation order. Later pages are appended here
 * ("Notifications", "Audit log", then a "Configuration" group whose children are
 * "Contact information" and "Users"); the nav and the routes both follow this list.
 */
export const PORTAL_SECTIONS: Section[] = [{ key: 'overview', label: labels.overview, path: '', element: <OverviewPage /> }];
