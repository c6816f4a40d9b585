import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { WebhooksPanel } from '../../components/webhooks/WebhooksPanel';
import { useAccount } from './AccountContext';
import { ConfigurationHeading } from './ConfigurationHeading';

/** `/accounts/{id}/configuration/webhooks`: signed HTTPS destinations beside the email contacts. */
export function WebhooksPage() {
  const intl = useIntl();
  const { accountId, membership } = useAccount();
  useDocumentTitle(intl.formatMessage({ id: 'webhooks.documentTitle', defaultMessage: 'Webhooks: {account}' }, { account: membership.accountName }));
  return (
    <>
      <ConfigurationHeading
        title={<FormattedMessage id="webhooks.title" defaultMessage="Webhooks" />}
        description={intl.formatMessage(
          {
            id: 'webhooks.description',
            defaultMessage: 'Notifications of {account} can also go to your own systems: each event is a signed HTTPS POST, retried when your receiver is down.',
          },
          { account: membership.accountName },
        )}
      />
      <WebhooksPanel accountId={accountId} />
    </>
  );
}
