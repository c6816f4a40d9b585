import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/** The heading of a page in the Configuration section: the section's name above the page's title. */
export function ConfigurationHeading({ title, description }: { title: ReactNode; description: ReactNode }) {
  return (
    <div className="page-heading">
      <p className="page-eyebrow">
        <FormattedMessage id="portal.nav.configuration" defaultMessage="Configuration" />
      </p>
      <h1>{title}</h1>
      <p className="page-description">{description}</p>
    </div>
  );
}
