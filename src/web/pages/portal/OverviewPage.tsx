import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { RoleName } from '../../components/RoleName';
import { useEnvironment } from '../../environment';
import { useAccount } from './AccountContext';

/** `/accounts/{id}`: the account at a glance (the account API fills this in a later issue). */
export function OverviewPage() {
  const intl = useIntl();
  const { membership } = useAccount();
  const [env] = useEnvironment();
  useDocumentTitle(
    intl.formatMessage(
      { id: 'overview.documentTitle', defaultMessage: 'Overview: {account}' },
      { account: membership.accountName },
    ),
  );
  return (
    <>
      <div className="page-heading">
        <p className="page-eyebrow">
          <FormattedMessage id="portal.nav.overview" defaultMessage="Overview" />
        </p>
        <h1>{membership.accountName}</h1>
      </div>
      <dl className="summary-list">
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
      </dl>
    </>
  );
}
