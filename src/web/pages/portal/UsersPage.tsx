import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { TwoStepRequirement } from '../../components/TwoStepRequirement';
import { UsersPanel } from '../../components/users/UsersPanel';
import { OptOutsPanel } from '../../components/users/OptOutsPanel';
import { paths } from '../../apiPaths';
import { useCan } from '../../permissions';
import { useAccount } from './AccountContext';
import { ConfigurationHeading } from './ConfigurationHeading';

/** What the page is for, as the person may use it. */
const descriptions: Record<'admin' | 'member', MessageDescriptor> = defineMessages({
  admin: { id: 'users.description.admin', defaultMessage: 'Everyone who can sign in to {account}. Invite colleagues, change what they may do, or remove their access.' },
  member: { id: 'users.description.member', defaultMessage: 'Everyone who can sign in to {account}. Only admins of the account can invite people or change their access.' },
});

/** `/accounts/{id}/configuration/users`: who has access to the account, and (admins) changing that. */
export function UsersPage() {
  const intl = useIntl();
  const { accountId, membership } = useAccount();
  const canManage = useCan(accountId)('users.manage');
  useDocumentTitle(intl.formatMessage({ id: 'users.documentTitle', defaultMessage: 'Users: {account}' }, { account: membership.accountName }));
  return (
    <>
      <ConfigurationHeading
        title={<FormattedMessage id="users.title" defaultMessage="Users" />}
        description={intl.formatMessage(canManage ? descriptions.admin : descriptions.member, { account: membership.accountName })}
      />
      <UsersPanel accountId={accountId} />
      {canManage ? <TwoStepRequirement path={paths.accountTwoStepRequirement(accountId)} scope="account" headingId="users-two-step" /> : null}
      {canManage ? <OptOutsPanel accountId={accountId} /> : null}
    </>
  );
}
