import { FormattedMessage, useIntl } from 'react-intl';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../api';
import { paths } from '../../apiPaths';
import { Completeness } from '../../components/AccountFacts';
import { ContactInfoForm } from '../../components/contact-info/ContactInfoForm';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { LoadFailed, Loading } from '../../components/Feedback';
import { NotificationList } from '../../components/notifications/NotificationList';
import { IntegrationActions } from '../../components/operator/IntegrationActions';
import { ContactHealthSection } from '../../components/operator/ContactHealthSection';
import { SendNotificationForm } from '../../components/operator/SendNotificationForm';
import { PageHeading } from '../../components/PageHeading';
import { UsersPanel } from '../../components/users/UsersPanel';
import { EnvLink, useEnvironment, withEnvironment } from '../../environment';
import { AuditLogList } from '../portal/AuditLogPage';
import type { AccountDetail } from '../../types';
import { useResource } from '../../useResource';
import { NotFoundContent } from '../NotFoundPage';

function createdWithAdmin(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('createdWithAdmin' in state)) return null;
  return typeof state.createdWithAdmin === 'string' ? state.createdWithAdmin : null;
}

/** `/operator/accounts/{id}`: one account as the operator sees it, with its users. */
export function OperatorAccountPage() {
  const intl = useIntl();
  const { accountId = '' } = useParams();
  const location = useLocation();
  const [env] = useEnvironment();
  const created = createdWithAdmin(location.state);
  const { state, reload } = useResource<AccountDetail>(paths.account(accountId));
  // Bumped after an action that adds notifications, so the list below reads them again.
  const [notificationsVersion, setNotificationsVersion] = useState(0);
  const changed = () => {
    void reload();
    setNotificationsVersion((v) => v + 1);
  };
  useDocumentTitle(
    state.status === 'ready'
      ? intl.formatMessage({ id: 'operatorAccount.documentTitle', defaultMessage: 'Account: {account}' }, { account: state.data.name })
      : intl.formatMessage({ id: 'accounts.title', defaultMessage: 'Accounts' }),
  );

  if (state.status === 'error' && state.error instanceof ApiError && state.error.status === 404) return <NotFoundContent />;

  return (
    <>
      <nav className="breadcrumbs" aria-label={intl.formatMessage({ id: 'breadcrumbs.label', defaultMessage: 'Breadcrumbs' })}>
        <EnvLink to="/operator">
          <FormattedMessage id="operator.nav.accounts" defaultMessage="Accounts" />
        </EnvLink>
      </nav>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <>
          <PageHeading eyebrow={<FormattedMessage id="operatorAccount.eyebrow" defaultMessage="Partner account" />} title={state.data.name} />
          {created ? (
            <p className="alert alert-info page-alert" role="status">
              <FormattedMessage
                id="operatorAccount.created"
                defaultMessage="Account created. An invitation was sent to {email}."
                values={{ email: created }}
              />
            </p>
          ) : null}
          <IntegrationActions account={state.data} onChanged={changed} />
          <section className="page-section" aria-labelledby="account-contact-info-heading">
            <h2 className="page-section-title" id="account-contact-info-heading">
              <FormattedMessage id="account.contactInfo" defaultMessage="Contact information" />
            </h2>
            <p>
              <Completeness account={state.data} />
            </p>
            <p className="muted">
              <FormattedMessage
                id="operatorAccount.contactInfo.readOnly"
                defaultMessage="The whole contact information, the platform-only contacts included. Partners keep it up to date; here it is read-only."
              />
            </p>
            <ContactInfoForm
              key={`${state.data.id}-${env}`}
              accountId={state.data.id}
              env={env}
              variant="page"
              headingLevel={3}
              readOnly
              accountLanguage={state.data.language}
              productionHref={withEnvironment(location.pathname, 'production')}
            />
          </section>
          <ContactHealthSection accountId={state.data.id} />
          <section className="page-section" aria-labelledby="account-users-heading">
            <h2 className="page-section-title" id="account-users-heading">
              <FormattedMessage id="users.title" defaultMessage="Users" />
            </h2>
            <UsersPanel accountId={state.data.id} headingLevel={3} />
          </section>
          <section className="page-section" aria-labelledby="account-notifications-heading">
            <h2 className="page-section-title" id="account-notifications-heading">
              <FormattedMessage id="notifications.title" defaultMessage="Notifications" />
            </h2>
            <NotificationList key={notificationsVersion} accountId={state.data.id} headingLevel={3} />
          </section>
          <SendNotificationForm accountId={state.data.id} onSent={() => setNotificationsVersion((v) => v + 1)} />
          <section className="page-section" aria-labelledby="account-audit-heading">
            <h2 className="page-section-title" id="account-audit-heading">
              <FormattedMessage id="audit.title" defaultMessage="Audit log" />
            </h2>
            <AuditLogList key={notificationsVersion} accountId={state.data.id} />
          </section>
        </>
      ) : null}
    </>
  );
}
