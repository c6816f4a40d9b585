import { useIntl } from 'react-intl';
import { useLocale } from '../i18n/LocaleProvider';
import { SUPPORTED_LOCALES, endonym, isSupportedLocale } from '../i18n/locales';
import { SelectField } from './SelectField';

/** The "Language" picker: each language listed by its own name. */
export function LanguagePicker() {
  const intl = useIntl();
  const { locale, chooseLocale } = useLocale();
  const options = SUPPORTED_LOCALES.map((code) => ({ id: code, label: endonym(code) }));
  return (
    <SelectField
      className="language-picker"
      label={intl.formatMessage({ id: 'header.language', defaultMessage: 'Language' })}
      options={options}
      value={locale}
      onChange={(value) => {
        if (isSupportedLocale(value)) chooseLocale(value);
      }}
    />
  );
}
