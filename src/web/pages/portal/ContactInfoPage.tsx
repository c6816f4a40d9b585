import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation } from 'react-router';
import { ContactInfoForm } from '../../components/contact-info/ContactInfoForm';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { TestNotificationForm } from '../../components/notifications/TestNotificationForm';
import { useCan } from '../../permissions';
import { useEnvironment, withEnvironment } from '../../environment';
import { usePlatformName } from '../../meta';
import { useAccount } from './AccountContext';
import { AccountLanguageSetting } from './AccountLanguageSetting';
import { ConfigurationHeading } from './ConfigurationHeading';

/** `/accounts/{id}/configuration/contact-information`: the contact information, changed at any time. */
export function ContactInfoPage() {
  const intl = useIntl();
  const { accountId, membership, basePath, account, reloadAccount } = useAccount();
  const [env] = useEnvironment();
  const location = useLocation();
  const platform = usePlatformName();
  const can = useCan(accountId);
  useDocumentTitle(
    intl.formatMessage({ id: 'contactInfo.documentTitle', defaultMessage: 'Contact information: {account}' }, { account: membership.accountName }),
  );

  return (
    <>
      <ConfigurationHeading
        title={<FormattedMessage id="contactInfo.title" defaultMessage="Contact information" />}
        description={
          <FormattedMessage
            id="contactInfo.description"
            defaultMessage="Whom {platform} contacts about {account}, and for what. It is the same for the whole account and for both environments; only the alert contacts are chosen while Production is selected."
            values={{ platform, account: membership.accountName }}
          />
        }
      />
      <AccountLanguageSetting account={account} onChanged={reloadAccount} />
      <ContactInfoForm
        // A new account or environment is a new document to load.
        key={accountId}
        accountId={accountId}
        env={env}
        variant="page"
        accountLanguage={account.language}
        headingLevel={2}
        usersHref={withEnvironment(`${basePath}/configuration/users`, env)}
        productionHref={withEnvironment(location.pathname, 'production')}
      />
      {can('notifications.test') ? <TestNotificationForm accountId={accountId} notificationsHref={`${basePath}/notifications`} /> : null}
    </>
  );
}
