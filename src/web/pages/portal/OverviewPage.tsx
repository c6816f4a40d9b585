import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AccountFacts } from '../../components/AccountFacts';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { PageHeading } from '../../components/PageHeading';
import { RoleName } from '../../components/RoleName';
import { EnvLink, useEnvironment } from '../../environment';
import { useAccount } from './AccountContext';

/** `/accounts/{id}`: the account at a glance (partner users only get here once its contact information is complete). */
export function OverviewPage() {
  const intl = useIntl();
  const { account, membership, basePath, reloadAccount } = useAccount();
  const [env] = useEnvironment();
  // The layout loaded the account when the portal opened: show today's integrations and completeness.
  useEffect(() => {
    void reloadAccount();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per visit of the page
  }, []);
  useDocumentTitle(intl.formatMessage({ id: 'overview.documentTitle', defaultMessage: 'Overview: {account}' }, { account: account.name }));

  return (
    <>
      <PageHeading eyebrow={<FormattedMessage id="portal.nav.overview" defaultMessage="Overview" />} title={account.name} />
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
      <ul className="overview-links">
        <li>
          <EnvLink to={`${basePath}/configuration/contact-information`}>
            <FormattedMessage id="overview.link.contactInfo" defaultMessage="Review or change the contact information" />
          </EnvLink>
        </li>
        <li>
          <EnvLink to={`${basePath}/audit-log`}>
            <FormattedMessage id="overview.link.auditLog" defaultMessage="See who changed what in the audit log" />
          </EnvLink>
        </li>
      </ul>
    </>
  );
}
