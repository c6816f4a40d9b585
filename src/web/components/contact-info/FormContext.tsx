import { createContext, useContext, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ContactField } from '../../../domain/contact-fields';
import type { Locale } from '../../../domain/locales';
import { Badge } from '../Badge';
import { CONTACT_FIELD_NAMES } from '../contactFields';
import type { ContactHealthItem } from '../../types';

/** What every part of the contact-information form needs from the form itself. */
export interface FormApi {
  readOnly: boolean;
  /** The visible, localized error at a place (see `formPlaces`), or null. */
  errorAt: (place: string) => string | null;
  /** The DOM id of the element for a place (an input, or a group's container). */
  idOf: (place: string) => string;
  /** The person left a field: its errors may show from now on. */
  touch: (place: string) => void;
  /** Level of the groups' headings (3 in the modal under its h2, 2 on a page under its h1). */
  headingLevel: 2 | 3;
  /** Required fields the draft leaves empty, as typed (shown as "Not filled in yet"). */
  missing: readonly ContactField[];
  /** The account's default language (named in "Account's language"), when known. */
  accountLanguage: Locale | null;
  /** The account, and the saved state of each address by `${field}\u0000${email}` (contact health). */
  accountId: string;
  health: ReadonlyMap<string, ContactHealthItem>;
  canEdit: boolean;
}

/** The key of an address in `FormApi.health`. */
export const healthKey = (field: string, email: string) => `${field}\u0000${email.trim().toLowerCase()}`;

export const FormApiContext = createContext<FormApi | null>(null);

export function useFormApi(): FormApi {
  const api = useContext(FormApiContext);
  if (!api) throw new Error('useFormApi must be used inside the contact-information form');
  return api;
}

/** One contact field: a named group (the names are the UI contract's) with its explanation and its own errors. */
export function FieldGroup({ field, explanation, hint, children }: { field: ContactField; explanation: ReactNode; hint?: ReactNode; children: ReactNode }) {
  const intl = useIntl();
  const form = useFormApi();
  const id = form.idOf(field);
  const headingId = `${id}-heading`;
  const explanationId = `${id}-explanation`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = form.errorAt(field);
  const Heading = form.headingLevel === 2 ? 'h2' : 'h3';
  const missing = form.missing.includes(field);
  return (
    <div
      role="group"
      id={id}
      className={`ci-group${error ? ' is-invalid' : ''}`}
      aria-labelledby={headingId}
      aria-describedby={[explanationId, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')}
      data-field={field}
    >
      <div className="ci-group-head">
        <Heading className="ci-group-title" id={headingId}>
          {intl.formatMessage(CONTACT_FIELD_NAMES[field])}
        </Heading>
        {missing ? (
          <Badge tone="warning"><FormattedMessage id="contactInfo.badge.missing" defaultMessage="Not filled in yet" /></Badge>
        ) : null}
      </div>
      <p className="ci-group-explanation" id={explanationId}>
        {explanation}
      </p>
      {hint ? (
        <p className="ci-group-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error ci-group-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
