import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { NotificationList } from '../../components/notifications/NotificationList';
import { PageHeading } from '../../components/PageHeading';
import { useAccount } from './AccountContext';

/** `/accounts/{id}/notifications`: what the platform sent this account, and how each delivery went. */
export function NotificationsPage() {
  const intl = useIntl();
  const { accountId, membership } = useAccount();
  useDocumentTitle(
    intl.formatMessage({ id: 'notifications.documentTitle', defaultMessage: 'Notifications: {account}' }, { account: membership.accountName }),
  );
  return (
    <>
      <PageHeading
        title={<FormattedMessage id="notifications.title" defaultMessage="Notifications" />}
        description={
          <FormattedMessage
            id="notifications.description"
            defaultMessage="Every notification sent to {account}, newest first, with each recipient's delivery: queued, sent, retrying or failed."
            values={{ account: membership.accountName }}
          />
        }
      />
      <NotificationList accountId={accountId} />
    </>
  );
}
