import { useIntl } from 'react-intl';
import { Outlet, useParams } from 'react-router';
import { SectionNav } from '../../components/SectionNav';
import { useSignedInSession } from '../../session';
import { NotFoundPage } from '../NotFoundPage';
import type { AccountContext } from './AccountContext';
import { PORTAL_SECTIONS } from './sections';

/** `/accounts/:accountId/*`: the account's navigation beside its pages. */
export function PortalLayout() {
  const intl = useIntl();
  const { accountId = '' } = useParams();
  const session = useSignedInSession();
  const membership = session.memberships.find((m) => m.accountId === accountId);
  if (!membership) return <NotFoundPage />;

  const basePath = `/accounts/${encodeURIComponent(accountId)}`;
  const context: AccountContext = { accountId, membership, basePath };
  return (
    <div className="frame">
      <aside className="frame-sidebar">
        <p className="frame-context" aria-hidden="true">
          {membership.accountName}
        </p>
        <SectionNav
          base={basePath}
          sections={PORTAL_SECTIONS}
          label={intl.formatMessage(
            { id: 'portal.nav.label', defaultMessage: 'Account {account}' },
            { account: membership.accountName },
          )}
        />
      </aside>
      <main className="frame-main" id="main">
        <Outlet context={context} />
      </main>
    </div>
  );
}
