import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CONTACT_FIELDS, type ContactField } from '../../../domain/contact-fields';
import type { OperationalSupport } from '../../../domain/contact-info';
import { endonym, isSupportedLocale } from '../../i18n/locales';
import { useIntegrationTypes } from '../../integrations';
import { displayPhone } from '../contact-info/draft';
import { formatSupport } from '../contact-info/supportFormat';
import { CONTACT_FIELD_NAMES } from '../contactFields';
import { roleLabel } from '../RoleName';

type Entry = { email?: unknown; name?: unknown; phone?: unknown; locale?: unknown; url?: unknown; userId?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function isContactField(field: string): field is ContactField {
  return (CONTACT_FIELDS as readonly string[]).includes(field);
}

/** The name of a changed field: a contact field's own name, or the account's and users' facts. */
export function AuditFieldName({ field }: { field: string }) {
  const intl = useIntl();
  if (isContactField(field)) return <>{intl.formatMessage(CONTACT_FIELD_NAMES[field])}</>;
  switch (field) {
    case 'name':
      return <FormattedMessage id="audit.field.name" defaultMessage="Account name" />;
    case 'integrations':
      return <FormattedMessage id="audit.field.integrations" defaultMessage="Integrations" />;
    case 'user':
      return <FormattedMessage id="audit.field.user" defaultMessage="User" />;
    case 'role':
      return <FormattedMessage id="audit.field.role" defaultMessage="Role" />;
    default:
      return <>{field}</>;
  }
}

function None() {
  return (
    <span className="muted">
      <FormattedMessage id="audit.value.none" defaultMessage="(none)" />
    </span>
  );
}

/**
 * One contact as a line: "Name <email> · +44 20 7946 0958 · English". Each part is isolated
 * (<bdi>), so beside right-to-left text the angle brackets and the plus sign stay where they belong.
 */
function ContactLine({ entry }: { entry: Entry }) {
  const name = text(entry.name);
  const email = text(entry.email);
  const extras: string[] = [];
  if (text(entry.phone)) extras.push(displayPhone(text(entry.phone)));
  if (text(entry.url)) extras.push(text(entry.url));
  if (isSupportedLocale(entry.locale)) extras.push(endonym(entry.locale));
  return (
    <>
      {name ? <bdi className="audit-person-name">{name}</bdi> : null}
      {name && email ? ' ' : null}
      {email ? <bdi className="audit-person-email">{name ? `<${email}>` : email}</bdi> : null}
      {extras.length > 0 ? (
        <span className="muted">
          {extras.map((extra, index) => (
            <span key={index}>
              {' · '}
              <bdi>{extra}</bdi>
            </span>
          ))}
        </span>
      ) : null}
    </>
  );
}

function List({ items }: { items: ReactNode[] }) {
  if (items.length === 0) return <None />;
  return (
    <ul className="audit-value-list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** A field's value before or after a change, as a person reads it (never raw JSON where a shape is known). */
export function AuditValue({ field, value }: { field: string; value: unknown }) {
  const intl = useIntl();
  const { nameOf } = useIntegrationTypes();
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return <None />;

  if (field === 'operationalSupport' && isRecord(value)) {
    const support = value as unknown as OperationalSupport;
    const parts: string[] = [];
    if (support.alwaysOpen) parts.push(intl.formatMessage({ id: 'support.alwaysOpen.short', defaultMessage: '24/7' }));
    const windows = Array.isArray(support.windows) ? support.windows : [];
    const lines = [...parts, ...windows.map((w) => formatSupport(intl, { alwaysOpen: false, windows: [w] }))];
    return <List items={lines} />;
  }
  if (field === 'operationalContactForUsers' && isRecord(value)) return <ContactLine entry={value} />;
  if ((isContactField(field) || field === 'alertContacts') && Array.isArray(value)) {
    return <List items={value.map((entry, index) => (isRecord(entry) ? <ContactLine key={index} entry={entry} /> : String(entry)))} />;
  }
  if (field === 'role' && typeof value === 'string') return <>{roleLabel(intl, value)}</>;
  if (field === 'integrations' && Array.isArray(value)) return <>{intl.formatList(value.map((t) => nameOf(String(t))), { type: 'conjunction' })}</>;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return <>{String(value)}</>;
  return <code className="audit-raw">{JSON.stringify(value)}</code>;
}
