import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { PageHeading } from '../../components/PageHeading';

/** The heading of a page in the Configuration section: the section's name above the page's title. */
export function ConfigurationHeading({ title, description }: { title: ReactNode; description: ReactNode }) {
  return <PageHeading eyebrow={<FormattedMessage id="portal.nav.configuration" defaultMessage="Configuration" />} title={title} description={description} />;
}
