import { useIntl } from 'react-intl';
import { useMatch } from 'react-router';
import { useEnvNavigate } from '../environment';
import type { Membership } from '../session';
import { SelectField } from './SelectField';

/** The account picker, for users who belong to more than one partner account. */
export function AccountPicker({ memberships }: { memberships: readonly Membership[] }) {
  const intl = useIntl();
  const navigate = useEnvNavigate();
  const match = useMatch('/accounts/:accountId/*');
  const current = match?.params.accountId ?? null;
  const options = memberships.map((m) => ({ id: m.accountId, label: m.accountName }));
  const value = options.some((o) => o.id === current) ? current : null;
  return (
    <SelectField
      className="account-picker"
      label={intl.formatMessage({ id: 'header.account', defaultMessage: 'Account' })}
      placeholder={intl.formatMessage({ id: 'header.account.placeholder', defaultMessage: 'Choose an account' })}
      options={options}
      value={value}
      onChange={(accountId) => {
        if (accountId !== current) navigate(`/accounts/${encodeURIComponent(accountId)}`);
      }}
    />
  );
}
