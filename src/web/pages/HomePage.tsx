import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../components/DocumentTitle';
import { parseEnvironment, withEnvironment } from '../environment';
import { homePath, useSignedInSession } from '../session';

/** `/`: operators go to the console, partner users to their first account. */
export function HomePage() {
  const session = useSignedInSession();
  const [params] = useSearchParams();
  const home = homePath(session);
  if (home !== '/') return <Navigate to={withEnvironment(home, parseEnvironment(params.get('env')))} replace />;
  return <NoAccessPage />;
}

/** A signed-in user who belongs to no account yet. */
export function NoAccessPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'noAccess.title', defaultMessage: 'No account access yet' }));
  return (
    <main className="page page-narrow" id="main">
      <h1>
        <FormattedMessage id="noAccess.title" defaultMessage="No account access yet" />
      </h1>
      <p>
        <FormattedMessage
          id="noAccess.body"
          defaultMessage="You are signed in, but you have not been added to a partner account yet. Ask an admin of your company's account to invite you, then sign in again."
        />
      </p>
    </main>
  );
}
