import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button } from 'react-aria-components';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session';
import { ErrorAlert, Loading } from './Feedback';

/** Renders its children only with a session; otherwise sends the visitor to /login?next=… */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, reload } = useSession();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <main className="page-centered" id="main">
        <Loading />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="page-centered" id="main">
        <ErrorAlert error={state.error} />
        <Button className="button" onPress={() => void reload()}>
          <FormattedMessage id="common.retry" defaultMessage="Try again" />
        </Button>
      </main>
    );
  }
  if (state.status === 'signedOut') {
    if (state.reason === 'signedOut') return <Navigate to="/login" replace />;
    const next = location.pathname + location.search + location.hash;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  // Two-step sign-in required and not set up: the profile page (where it is set up) comes first.
  if (state.session.twoStepEnrolmentRequired && location.pathname !== '/profile') return <Navigate to="/profile" replace />;
  return <>{children}</>;
}
