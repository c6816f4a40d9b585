import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { isRole } from '../../components/RoleName';
import { UsersPanel } from '../../components/users/UsersPanel';
import { useSignedInSession } from '../../session';
import { useAccount } from './AccountContext';
import { ConfigurationHeading } from './ConfigurationHeading';

/** `/accounts/{id}/configuration/users`: who has access to the account, and (admins) changing that. */
export function UsersPage() {
  const intl = useIntl();
  const session = useSignedInSession();
  const { accountId, membership } = useAccount();
  const role = isRole(membership.role) ? membership.role : null;
  useDocumentTitle(intl.formatMessage({ id: 'users.documentTitle', defaultMessage: 'Users: {account}' }, { account: membership.accountName }));
  return (
    <>
      <ConfigurationHeading
        title={<FormattedMessage id="users.title" defaultMessage="Users" />}
        description={
          role === 'admin' || session.isOperator ? (
            <FormattedMessage
              id="users.description.admin"
              defaultMessage="Everyone who can sign in to {account}. Invite colleagues, change what they may do, or remove their access."
              values={{ account: membership.accountName }}
            />
          ) : (
            <FormattedMessage
              id="users.description.member"
              defaultMessage="Everyone who can sign in to {account}. Only admins of the account can invite people or change their access."
              values={{ account: membership.accountName }}
            />
          )
        }
      />
      <UsersPanel accountId={accountId} role={role} isOperator={session.isOperator} />
    </>
  );
}
