import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useIntegrationTypes } from '../integrations';
import type { AccountDetail, AccountSummary } from '../types';
import { CONTACT_FIELD_NAMES, inDisplayOrder } from './contactFields';
import { Badge } from './Badge';

/** "Complete", or "Incomplete — missing: …" with the fields' names when they are known. */
export function Completeness({ account }: { account: AccountSummary | AccountDetail }) {
  const intl = useIntl();
  if (account.contactInfoComplete) {
    return (
      <Badge tone="success">
        <FormattedMessage id="account.contactInfo.complete" defaultMessage="Complete" />
      </Badge>
    );
  }
  const missing = 'missing' in account ? inDisplayOrder(account.missing) : [];
  return (
    <>
      <Badge tone="warning"><FormattedMessage id="account.contactInfo.incomplete" defaultMessage="Incomplete" /></Badge>
      {missing.length > 0 ? (
        <span className="completeness-missing">
          {' '}
          <FormattedMessage
            id="account.contactInfo.missing"
            defaultMessage="— missing: {fields}"
            values={{ fields: intl.formatList(missing.map((field) => intl.formatMessage(CONTACT_FIELD_NAMES[field])), { type: 'conjunction' }) }}
          />
        </span>
      ) : null}
    </>
  );
}

/** The integrations of an account by their display names, each with its status. */
export function IntegrationList({ integrations }: { integrations: AccountSummary['integrations'] }) {
  const { nameOf } = useIntegrationTypes();
  if (integrations.length === 0) {
    return (
      <span className="muted">
        <FormattedMessage id="account.integrations.none" defaultMessage="None" />
      </span>
    );
  }
  return (
    <ul className="integration-list">
      {integrations.map((integration) => (
        <li key={integration.type}>
          <span>{nameOf(integration.type)}</span>{' '}
          {integration.status === 'enabled' ? (
            <Badge tone="success"><FormattedMessage id="account.integration.enabled" defaultMessage="Enabled" /></Badge>
          ) : (
            <Badge tone="danger"><FormattedMessage id="account.integration.disabled" defaultMessage="Disabled" /></Badge>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * An account at a glance: its integrations and whether its contact information is complete.
 * `children` are extra facts (`<div><dt/><dd/></div>`) shown first, such as the viewer's role.
 */
export function AccountFacts({ account, children }: { account: AccountDetail; children?: ReactNode }) {
  return (
    <dl className="summary-list account-facts">
      {children}
      <div className="summary-wide">
        <dt>
          <FormattedMessage id="account.integrations" defaultMessage="Integrations" />
        </dt>
        <dd>
          <IntegrationList integrations={account.integrations} />
        </dd>
      </div>
      <div className="summary-wide">
        <dt>
          <FormattedMessage id="account.contactInfo" defaultMessage="Contact information" />
        </dt>
        <dd>
          <Completeness account={account} />
        </dd>
      </div>
    </dl>
  );
}
