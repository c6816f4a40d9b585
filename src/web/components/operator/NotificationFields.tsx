import { FormattedMessage, useIntl } from 'react-intl';
import { Label, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { CATEGORIES, categoryLabel, type Category } from '../notifications/names';
import { SelectField } from '../SelectField';

export type NotificationEnv = 'production' | 'sandbox';

/** "Category" and "Environment" of a notification an operator sends (one account, or a broadcast). */
export function CategoryAndEnvironment({
  category,
  env,
  onCategory,
  onEnv,
}: {
  category: Category;
  env: NotificationEnv;
  onCategory: (category: Category) => void;
  onEnv: (env: NotificationEnv) => void;
}) {
  const intl = useIntl();
  return (
    <>
      <SelectField
        layout="stacked"
        name="category"
        label={intl.formatMessage({ id: 'testNotification.category', defaultMessage: 'Category' })}
        options={CATEGORIES.map((c) => ({ id: c, label: categoryLabel(intl, c) }))}
        value={category}
        onChange={(value) => onCategory(value as Category)}
      />
      <SelectField
        layout="stacked"
        name="env"
        label={intl.formatMessage({ id: 'sendNotification.environment', defaultMessage: 'Environment' })}
        options={[
          { id: 'production', label: intl.formatMessage({ id: 'environment.production', defaultMessage: 'Production' }) },
          { id: 'sandbox', label: intl.formatMessage({ id: 'environment.sandbox', defaultMessage: 'Sandbox' }) },
        ]}
        value={env}
        onChange={(value) => onEnv(value as NotificationEnv)}
      />
    </>
  );
}

/** The message of a notification: plain text, line breaks kept. */
export function MessageField({ value, onChange, rows = 4 }: { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <AriaTextField className="text-field" name="body" value={value} onChange={onChange}>
      <Label className="field-label">
        <FormattedMessage id="sendNotification.body" defaultMessage="Message" />
      </Label>
      <TextArea className="field-input field-textarea" rows={rows} />
    </AriaTextField>
  );
}
