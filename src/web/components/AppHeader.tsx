import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from 'react-aria-components';
import { EnvLink, useEnvironment } from '../environment';
import { useSession, useSignedInSession } from '../session';
import { AccountPicker } from './AccountPicker';
import { EnvironmentSwitcher } from './EnvironmentSwitcher';
import { LanguagePicker } from './LanguagePicker';

/** The banner on every signed-in page. */
export function AppHeader() {
  const intl = useIntl();
  const session = useSignedInSession();
  const { signOut } = useSession();
  const [env] = useEnvironment();
  const [signingOut, setSigningOut] = useState(false);
  const { user, memberships } = session;

  return (
    <header className="app-header" data-env={env}>
      <EnvLink className="brand" to="/">
        <span className="brand-mark" aria-hidden="true" />
        <FormattedMessage id="app.name" defaultMessage="Liaison" />
      </EnvLink>
      {env === 'sandbox' ? (
        <span className="env-badge">
          <FormattedMessage id="header.sandboxBadge" defaultMessage="Sandbox" />
        </span>
      ) : null}
      <div className="header-controls">
        {memberships.length > 1 ? <AccountPicker memberships={memberships} /> : null}
        <EnvironmentSwitcher />
        <LanguagePicker />
        <div className="header-user" title={user.email}>
          {/* dir="auto": a name or address in the other direction keeps its order, and its start stays visible. */}
          <span className="header-user-name" dir="auto">
            {user.name || user.email}
          </span>
          {user.name ? (
            <span className="header-user-email" dir="auto">
              {user.email}
            </span>
          ) : null}
        </div>
        {/* The person's own account: password, two-step sign-in, sessions. */}
        <EnvLink className="button button-quiet" to="/profile">
          {intl.formatMessage({ id: 'header.profile', defaultMessage: 'Your profile' })}
        </EnvLink>
        <Button
          className={`button button-quiet${signingOut ? ' is-busy' : ''}`}
          onPress={() => {
            if (signingOut) return;
            setSigningOut(true);
            void signOut();
          }}
        >
          {intl.formatMessage({ id: 'header.signOut', defaultMessage: 'Sign out' })}
        </Button>
      </div>
    </header>
  );
}
