import { FormattedMessage, useIntl } from 'react-intl';
import { TextField } from '../TextField';
import type { Draft } from './draft';
import type { DraftEditor } from './draftEditor';
import { FIELD_EXPLANATIONS } from './explanations';
import { FieldGroup, useFormApi } from './FormContext';

const PARTS = ['email', 'phone', 'url'] as const;
const TYPES = { email: 'email', phone: 'tel', url: 'url' } as const;

/** "Operational contact to share with users": one email (required), phone and website (optional). */
export function UsersContactGroup({ value, editor }: { value: Draft['operationalContactForUsers']; editor: DraftEditor }) {
  const intl = useIntl();
  const form = useFormApi();
  const labels = {
    email: intl.formatMessage({ id: 'contactInfo.users.email', defaultMessage: 'Email' }),
    phone: intl.formatMessage({ id: 'contactInfo.users.phone', defaultMessage: 'Phone' }),
    url: intl.formatMessage({ id: 'contactInfo.users.url', defaultMessage: 'Website URL' }),
  };
  const hints = {
    email: undefined,
    phone: intl.formatMessage({ id: 'contactInfo.entry.phone.hint', defaultMessage: 'International format: +44 20 7946 0958' }),
    url: intl.formatMessage({ id: 'contactInfo.users.url.hint', defaultMessage: 'A help page, starting with https://' }),
  };
  return (
    <FieldGroup
      field="operationalContactForUsers"
      explanation={
        <FormattedMessage {...FIELD_EXPLANATIONS.operationalContactForUsers} />
      }
    >
      <div className="ci-users-contact">
        {PARTS.map((part) => {
          const place = `operationalContactForUsers.${part}`;
          return (
            <div key={part} id={form.idOf(place)} className={`ci-users-${part}`}>
              <TextField
                label={labels[part]}
                name={place}
                type={TYPES[part]}
                autoComplete="off"
                isRequired={part === 'email'}
                isReadOnly={form.readOnly}
                value={value[part]}
                onChange={(text) => editor.changeUsersContact(part, text)}
                onBlur={() => form.touch(place)}
                // The error repeats the hint's rule with its example: one of them is enough.
                description={form.readOnly || form.errorAt(place) ? undefined : hints[part]}
                error={form.errorAt(place)}
              />
            </div>
          );
        })}
      </div>
    </FieldGroup>
  );
}
