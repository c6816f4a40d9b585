import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from 'react-aria-components';
import { ApiError } from '../../api';
import { AccountFacts } from '../../components/AccountFacts';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { RoleName } from '../../components/RoleName';
import { useEnvironment } from '../../environment';
import type { AccountDetail } from '../../types';
import { useResource } from '../../useResource';
import { NotFoundContent } from '../NotFoundPage';
import { useAccount } from './AccountContext';

/** `/accounts/{id}`: the account at a glance. */
export function OverviewPage() {
  const intl = useIntl();
  const { accountId, membership } = useAccount();
  const [env] = useEnvironment();
  const { state, reload } = useResource<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(accountId)}`);
  const name = state.status === 'ready' ? state.data.name : membership.accountName;
  useDocumentTitle(intl.formatMessage({ id: 'overview.documentTitle', defaultMessage: 'Overview: {account}' }, { account: name }));

  // Access ended since the session was loaded: the account is simply not there any more.
  if (state.status === 'error' && state.error instanceof ApiError && state.error.status === 404) return <NotFoundContent />;

  return (
    <>
      <div className="page-heading">
        <p className="page-eyebrow">
          <FormattedMessage id="portal.nav.overview" defaultMessage="Overview" />
        </p>
        <h1>{name}</h1>
      </div>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? (
        <div className="stack">
          <ErrorAlert error={state.error} />
          <div>
            <Button className="button" onPress={() => void reload()}>
              <FormattedMessage id="common.retry" defaultMessage="Try again" />
            </Button>
          </div>
        </div>
      ) : null}
      {state.status === 'ready' ? (
        <AccountFacts account={state.data}>
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
      ) : null}
    </>
  );
}
