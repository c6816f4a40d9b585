import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { Outlet, useParams } from 'react-router';
import { ApiError } from '../../api';
import { paths } from '../../apiPaths';
import { LoadFailed, Loading } from '../../components/Feedback';
import { SectionNav } from '../../components/SectionNav';
import { useSignedInSession } from '../../session';
import type { AccountDetail } from '../../types';
import { useResource } from '../../useResource';
import { NotFoundPage } from '../NotFoundPage';
import type { AccountContext } from './AccountContext';
import { OnboardingModal } from './OnboardingModal';
import { PORTAL_SECTIONS } from './sections';
import { ReviewBanner } from './ReviewBanner';

/**
 * `/accounts/:accountId/*`: the account's navigation beside its pages, once its contact
 * information is complete. Until then a partner user gets the onboarding modal instead, on
 * every URL of the account: the frame and its pages are not rendered at all, so nothing behind
 * the modal can be reached, focused or read. Operators are never gated.
 */
export function PortalLayout() {
  const intl = useIntl();
  const { accountId = '' } = useParams();
  const session = useSignedInSession();
  const membership = session.memberships.find((m) => m.accountId === accountId);
  const { state, reload } = useResource<AccountDetail>(paths.account(accountId));
  const gated = state.status === 'ready' && !session.isOperator && !state.data.contactInfoComplete;

  // When the modal gives way to the portal, focus goes to the page's heading (as after any navigation).
  const wasGated = useRef(false);
  useEffect(() => {
    if (gated) {
      wasGated.current = true;
      return;
    }
    if (!wasGated.current || state.status !== 'ready') return;
    wasGated.current = false;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }, [gated, state.status]);

  if (!membership) return <NotFoundPage />;

  if (state.status === 'error' && state.error instanceof ApiError && state.error.status === 404) return <NotFoundPage />;
  if (state.status === 'loading') {
    return (
      <main className="page" id="main">
        <Loading />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="page page-narrow" id="main">
        <LoadFailed error={state.error} onRetry={reload} />
      </main>
    );
  }

  const account = state.data;
  if (gated) {
    return <OnboardingModal account={account} onCompleted={reload} />;
  }

  const basePath = `/accounts/${encodeURIComponent(accountId)}`;
  const context: AccountContext = { accountId, membership, basePath, account, reloadAccount: reload };
  return (
    <div className="frame">
      <aside className="frame-sidebar">
        <p className="frame-context" aria-hidden="true">
          {account.name}
        </p>
        <SectionNav
          base={basePath}
          sections={PORTAL_SECTIONS}
          label={intl.formatMessage({ id: 'portal.nav.label', defaultMessage: 'Account {account}' }, { account: membership.accountName })}
        />
      </aside>
      <main className="frame-main" id="main">
        <ReviewBanner accountId={accountId} accountName={account.name} contactInfoHref={`${basePath}/configuration/contact-information`} />
        <Outlet context={context} />
      </main>
    </div>
  );
}
