import { useIntl } from 'react-intl';
import { Button } from 'react-aria-components';
import { SUPPORTED_LOCALES } from '../../../domain/locales';
import { endonym, isSupportedLocale } from '../../i18n/locales';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import type { EntryDraft, ListField } from './draft';
import { healthKey, useFormApi } from './FormContext';
import { ContactHealthLine } from './ContactStateBadge';

const DEFAULT_LANGUAGE = 'default';

interface EntryListEditorProps {
  field: ListField;
  entries: readonly EntryDraft[];
  onChange: (index: number, patch: Partial<EntryDraft>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** A list of contacts (Email, Name, Phone, Language), each removable, with "Add contact". */
export function EntryListEditor({ field, entries, onChange, onAdd, onRemove }: EntryListEditorProps) {
  const intl = useIntl();
  const form = useFormApi();
  const languages = [
    {
      id: DEFAULT_LANGUAGE,
      label: form.accountLanguage
        ? intl.formatMessage(
            { id: 'contactInfo.language.defaultNamed', defaultMessage: "Account's language ({language})" },
            { language: endonym(form.accountLanguage) },
          )
        : intl.formatMessage({ id: 'contactInfo.language.default', defaultMessage: "Account's language" }),
    },
    ...SUPPORTED_LOCALES.map((code) => ({ id: code, label: endonym(code) })),
  ];

  if (form.readOnly && entries.every((e) => !e.email.trim())) {
    return (
      <p className="muted">
        {intl.formatMessage({ id: 'contactInfo.list.empty', defaultMessage: 'Nobody yet.' })}
      </p>
    );
  }

  return (
    <>
      <ol className="ci-entries">
        {entries.map((entry, index) => {
          const number = index + 1;
          const place = (part: string) => `${field}.${index}.${part}`;
          if (form.readOnly && !entry.email.trim()) return null;
          return (
            <li key={entry.key} className="ci-entry">
              <div
                role="group"
                className="ci-entry-fields"
                aria-label={intl.formatMessage({ id: 'contactInfo.contactNumber', defaultMessage: 'Contact {number}' }, { number })}
              >
                <div className="ci-entry-email" id={form.idOf(place('email'))}>
                  <TextField
                    label={intl.formatMessage({ id: 'contactInfo.entry.email', defaultMessage: 'Email' })}
                    name={place('email')}
                    type="email"
                    autoComplete="off"
                    isRequired
                    isReadOnly={form.readOnly}
                    value={entry.email}
                    onChange={(email) => onChange(index, { email })}
                    onBlur={() => form.touch(place('email'))}
                    error={form.errorAt(place('email'))}
                  />
                </div>
                <div className="ci-entry-name" id={form.idOf(place('name'))}>
                  <TextField
                    label={intl.formatMessage({ id: 'contactInfo.entry.name', defaultMessage: 'Name' })}
                    name={place('name')}
                    autoComplete="off"
                    isReadOnly={form.readOnly}
                    value={entry.name}
                    onChange={(name) => onChange(index, { name })}
                    onBlur={() => form.touch(place('name'))}
                    error={form.errorAt(place('name'))}
                  />
                </div>
                <div className="ci-entry-phone" id={form.idOf(place('phone'))}>
                  <TextField
                    label={intl.formatMessage({ id: 'contactInfo.entry.phone', defaultMessage: 'Phone' })}
                    name={place('phone')}
                    type="tel"
                    autoComplete="off"
                    isReadOnly={form.readOnly}
                    value={entry.phone}
                    onChange={(phone) => onChange(index, { phone })}
                    onBlur={() => form.touch(place('phone'))}
                    description={
                      // The error repeats the hint's rule with its example: one of them is enough.
                      form.readOnly || form.errorAt(place('phone')) ? undefined : intl.formatMessage({ id: 'contactInfo.entry.phone.hint', defaultMessage: 'International format: +44 20 7946 0958' })
                    }
                    error={form.errorAt(place('phone'))}
                  />
                </div>
                <div className="ci-entry-language" id={form.idOf(place('locale'))}>
                  {form.readOnly ? (
                    <div className="text-field">
                      <span className="field-label">{intl.formatMessage({ id: 'contactInfo.entry.language', defaultMessage: 'Language' })}</span>
                      <span className="ci-readonly-value">
                        {isSupportedLocale(entry.locale) ? endonym(entry.locale) : languages[0]!.label}
                      </span>
                    </div>
                  ) : (
                    <SelectField
                      layout="stacked"
                      name={place('locale')}
                      label={intl.formatMessage({ id: 'contactInfo.entry.language', defaultMessage: 'Language' })}
                      options={languages}
                      value={entry.locale || DEFAULT_LANGUAGE}
                      onChange={(value) => {
                        onChange(index, { locale: value === DEFAULT_LANGUAGE ? '' : value });
                        form.touch(place('locale'));
                      }}
                      error={form.errorAt(place('locale'))}
                    />
                  )}
                </div>
                {form.readOnly ? null : (
                  <div className="ci-entry-remove">
                    <Button
                      className="button button-small button-danger-quiet"
                      aria-label={intl.formatMessage({ id: 'contactInfo.entry.remove.label', defaultMessage: 'Remove contact {number}' }, { number })}
                      onPress={() => onRemove(index)}
                    >
                      {intl.formatMessage({ id: 'contactInfo.entry.remove', defaultMessage: 'Remove' })}
                    </Button>
                  </div>
                )}
                {(() => {
                  // The saved address's state (an address typed but not saved yet has none).
                  const item = form.health.get(healthKey(field, entry.email));
                  return item ? <ContactHealthLine accountId={form.accountId} item={item} canResend={form.canEdit} /> : null;
                })()}
              </div>
            </li>
          );
        })}
      </ol>
      {form.readOnly ? null : (
        <div>
          <Button className="button button-small" id={`${form.idOf(field)}-add`} onPress={onAdd}>
            <span aria-hidden="true">+</span>
            {intl.formatMessage({ id: 'contactInfo.entry.add', defaultMessage: 'Add contact' })}
          </Button>
        </div>
      )}
    </>
  );
}
