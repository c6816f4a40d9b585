import { useIntl } from 'react-intl';
import { parseEnvironment, useEnvironment } from '../environment';
import { SelectField } from './SelectField';

/** The "Environment" switcher: Production / Sandbox, kept in the URL as `?env=sandbox`. */
export function EnvironmentSwitcher() {
  const intl = useIntl();
  const [env, setEnv] = useEnvironment();
  const options = [
    { id: 'production', label: intl.formatMessage({ id: 'environment.production', defaultMessage: 'Production' }) },
    { id: 'sandbox', label: intl.formatMessage({ id: 'environment.sandbox', defaultMessage: 'Sandbox' }) },
  ];
  return (
    <SelectField
      className="environment-switcher"
      label={intl.formatMessage({ id: 'header.environment', defaultMessage: 'Environment' })}
      options={options}
      value={env}
      onChange={(value) => setEnv(parseEnvironment(value))}
    />
  );
}
