import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SUPPORTED_LOCALES } from '../../../domain/locales';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { ErrorAlert, errorText } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { endonym, isSupportedLocale } from '../../i18n/locales';
import { useCan } from '../../permissions';
import type { AccountDetail } from '../../types';

/**
 * The account's default language: emails to contacts that chose none are written in it. Admins
 * change it here; everyone else reads it.
 */
export function AccountLanguageSetting({ account, onChanged }: { account: AccountDetail; onChanged: () => Promise<void> }) {
  const intl = useIntl();
  const canChange = useCan(account.id)('users.manage');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const label = intl.formatMessage({ id: 'account.language.label', defaultMessage: "Account's language" });
  const explanation = (
    <FormattedMessage
      id="account.language.explain"
      defaultMessage="Emails to contacts whose language is set to the account's language are written in this one."
    />
  );

  if (!canChange) {
    return (
      <section className="account-language">
        <p>
          <span className="field-label">{label}</span> {endonym(account.language)}
        </p>
        <p className="field-description">{explanation}</p>
      </section>
    );
  }
  return (
    <section className="account-language">
      <SelectField
        layout="stacked"
        label={label}
        options={SUPPORTED_LOCALES.map((code) => ({ id: code, label: endonym(code) }))}
        value={account.language}
        onChange={(value) => {
          if (!isSupportedLocale(value) || value === account.language) return;
          setError(null);
          setStatus('');
          api<AccountDetail>(paths.account(account.id), { method: 'PATCH', body: { language: value } }).then(
            async () => {
              await onChanged();
              setStatus(intl.formatMessage({ id: 'account.language.saved', defaultMessage: "Saved: the account's language is now {language}." }, { language: endonym(value) }));
            },
            (failure: unknown) => setError(errorText(intl, failure)),
          );
        }}
      />
      <p className="field-description">{explanation}</p>
      <p className="status-message" role="status">
        {status}
      </p>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </section>
  );
}
