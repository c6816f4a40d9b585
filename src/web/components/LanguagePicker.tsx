import { useIntl } from 'react-intl';
import { useLocale } from '../i18n/LocaleProvider';
import { rememberUserLocale, useSession } from '../session';
import { SUPPORTED_LOCALES, endonym, isSupportedLocale } from '../i18n/locales';
import { SelectField } from './SelectField';

/** The "Language" picker: each language listed by its own name; a signed-in user's choice is remembered on the user. */
export function LanguagePicker() {
  const intl = useIntl();
  const { locale, chooseLocale } = useLocale();
  const { state } = useSession();
  const options = SUPPORTED_LOCALES.map((code) => ({ id: code, label: endonym(code) }));
  return (
    <SelectField
      className="language-picker"
      label={intl.formatMessage({ id: 'header.language', defaultMessage: 'Language' })}
      options={options}
      value={locale}
      onChange={(value) => {
        if (!isSupportedLocale(value)) return;
        chooseLocale(value);
        if (state.status === 'signedIn') rememberUserLocale(value);
      }}
    />
  );
}
