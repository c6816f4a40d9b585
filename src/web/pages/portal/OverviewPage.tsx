import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AccountFacts } from '../../components/AccountFacts';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { PageHeading } from '../../components/PageHeading';
import { RoleName } from '../../components/RoleName';
import { useLocation } from 'react-router';
import { useEnvironment } from '../../environment';
import { useAccount } from './AccountContext';
import { OverviewSummary } from './OverviewSummary';

/** What the onboarding modal leaves in the history entry when its Submit opened the portal. */
export interface OnboardingDone {
  onboardingDone: { users: number };
}

/** `/accounts/{id}`: the account at a glance (partner users only get here once its contact information is complete). */
export function OverviewPage() {
  const intl = useIntl();
  const { account, membership, basePath, reloadAccount } = useAccount();
  const [env] = useEnvironment();
  const location = useLocation();
  const done = (location.state as Partial<OnboardingDone> | null)?.onboardingDone;
  // The layout loaded the account when the portal opened: show today's integrations and completeness.
  useEffect(() => {
    void reloadAccount();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per visit of the page
  }, []);
  useDocumentTitle(intl.formatMessage({ id: 'overview.documentTitle', defaultMessage: 'Overview: {account}' }, { account: account.name }));

  return (
    <>
      <PageHeading eyebrow={<FormattedMessage id="portal.nav.overview" defaultMessage="Overview" />} title={account.name} />
      {done ? (
        <p className="alert alert-success" role="status">
          <FormattedMessage
            id="overview.onboardingDone"
            defaultMessage="The contact information is saved and complete. The portal is now open for {users, plural, =0 {everyone} one {the one user} other {all # users}} of this account."
            values={{ users: done.users }}
          />
        </p>
      ) : null}
      <AccountFacts account={account}>
        <div>
          <dt>
            <FormattedMessage id="overview.role" defaultMessage="Your role" />
          </dt>
          <dd>
            <RoleName role={membership.role} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="overview.environment" defaultMessage="Environment" />
          </dt>
          <dd>
            {env === 'sandbox' ? (
              <FormattedMessage id="environment.sandbox" defaultMessage="Sandbox" />
            ) : (
              <FormattedMessage id="environment.production" defaultMessage="Production" />
            )}
          </dd>
        </div>
      </AccountFacts>
      <OverviewSummary accountId={account.id} env={env} basePath={basePath} />
    </>
  );
}
