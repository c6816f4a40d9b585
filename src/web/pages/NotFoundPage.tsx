import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../components/DocumentTitle';
import { EnvLink } from '../environment';

/** The not-found content, for use inside a frame's <main>. */
export function NotFoundContent() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'notFound.title', defaultMessage: 'Page not found' }));
  return (
    <div className="not-found">
      <h1>
        <FormattedMessage id="notFound.title" defaultMessage="Page not found" />
      </h1>
      <p>
        <FormattedMessage
          id="notFound.body"
          defaultMessage="There is nothing at this address, or you do not have access to it. Check the link, or start again from your home page."
        />
      </p>
      <p>
        <EnvLink to="/">
          <FormattedMessage id="notFound.home" defaultMessage="Go to your home page" />
        </EnvLink>
      </p>
    </div>
  );
}

/** A whole page (below the header) saying that nothing is here. */
export function NotFoundPage() {
  return (
    <main className="page page-narrow" id="main">
      <NotFoundContent />
    </main>
  );
}
