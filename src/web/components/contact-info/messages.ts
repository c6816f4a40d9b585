import { defineMessages, type IntlShape } from 'react-intl';
import { LIMITS } from '../../../domain/contact-info';
import { CONTACT_FIELD_NAMES } from '../contactFields';
import { fieldOfPlace, type PlacedError } from './draft';

/**
 * What each validation code means, in words, for the place it is shown at. The codes are the
 * API's (and the domain's); the wording is ours and localized, never the raw code.
 */
const m = defineMessages({
  requiredEmail: { id: 'contactInfo.error.requiredEmail', defaultMessage: 'Enter an email address, or remove this contact.' },
  requiredUsersEmail: { id: 'contactInfo.error.requiredUsersEmail', defaultMessage: 'Enter the email address users should write to.' },
  requiredAlert: { id: 'contactInfo.error.requiredAlert', defaultMessage: 'Choose at least one user to receive alerts.' },
  requiredList: { id: 'contactInfo.error.requiredList', defaultMessage: 'Add at least one contact: this field cannot be emptied once the information is complete.' },
  requiredUsers: { id: 'contactInfo.error.requiredUsers', defaultMessage: 'Enter the contact users should see: it cannot be emptied once the information is complete.' },
  requiredSupport: { id: 'contactInfo.error.requiredSupport', defaultMessage: 'Choose 24/7 or add at least one support window.' },
  requiredDays: { id: 'contactInfo.error.requiredDays', defaultMessage: 'Choose at least one day.' },
  requiredTime: { id: 'contactInfo.error.requiredTime', defaultMessage: 'Enter a time as HH:MM, for example 09:00.' },
  requiredTimeZone: { id: 'contactInfo.error.requiredTimeZone', defaultMessage: 'Choose a time zone.' },
  requiredOther: { id: 'contactInfo.error.required', defaultMessage: 'This cannot be left empty.' },
  invalidEmail: { id: 'contactInfo.error.invalidEmail', defaultMessage: 'Enter an email address such as name@example.com.' },
  invalidPhone: {
    id: 'contactInfo.error.invalidPhone',
    defaultMessage: 'Enter a phone number in international format: a plus sign, the country code, then the number (for example +44 20 7946 0958).',
  },
  invalidUrl: { id: 'contactInfo.error.invalidUrl', defaultMessage: 'Enter a full web address starting with https://, for example https://example.com/help.' },
  invalidTimeZone: { id: 'contactInfo.error.invalidTimeZone', defaultMessage: 'Choose a time zone from the list.' },
  invalidTime: { id: 'contactInfo.error.invalidTime', defaultMessage: 'Enter a time as HH:MM between 00:00 and 23:59 (the end may be 24:00).' },
  invalidWindow: { id: 'contactInfo.error.invalidWindow', defaultMessage: 'The end must be later than the start. For a window until midnight, use 24:00.' },
  invalidDay: { id: 'contactInfo.error.invalidDay', defaultMessage: 'Choose days from Monday to Sunday.' },
  duplicateEmail: { id: 'contactInfo.error.duplicateEmail', defaultMessage: 'This address is already in this list.' },
  duplicateAlert: { id: 'contactInfo.error.duplicateAlert', defaultMessage: 'This user is chosen twice.' },
  duplicateDay: { id: 'contactInfo.error.duplicateDay', defaultMessage: 'A day is chosen twice.' },
  notAMember: { id: 'contactInfo.error.notAMember', defaultMessage: 'A chosen person is no longer a user of this account. Clear their box and save again.' },
  productionOnly: { id: 'contactInfo.error.productionOnly', defaultMessage: 'Alert contacts can only be changed while Production is selected.' },
  notAvailable: { id: 'contactInfo.error.notAvailable', defaultMessage: 'This account has no integration that uses merchant-issue contacts.' },
  invalidLocale: { id: 'contactInfo.error.invalidLocale', defaultMessage: 'Choose a language from the list.' },
  invalidOther: { id: 'contactInfo.error.invalid', defaultMessage: 'This value is not accepted. Check it and try again.' },
});

const LIST_FIELD_NAMES = ['technicalEmergencyContacts', 'technicalNonEmergencyContacts', 'merchantIssueContacts', 'operationalContactsForPlatform'];

function lastPart(place: string): string {
  return place.split('.').at(-1) ?? '';
}

/** The longest a value at this place may be (for `too_long` without params). */
function maxLengthAt(place: string): number {
  switch (lastPart(place)) {
    case 'name':
      return LIMITS.name;
    case 'phone':
      return LIMITS.phone;
    case 'url':
      return LIMITS.url;
    case 'timeZone':
      return LIMITS.timeZone;
    default:
      return LIMITS.email;
  }
}

export function errorMessage(intl: IntlShape, error: PlacedError): string {
  const { code, place } = error;
  const part = lastPart(place);
  const field = fieldOfPlace(place);
  const isGroup = place === field;
  const max = typeof error.params?.max === 'number' ? error.params.max : undefined;
  switch (code) {
    case 'required':
      if (part === 'email') return intl.formatMessage(field === 'operationalContactForUsers' ? m.requiredUsersEmail : m.requiredEmail);
      if (part === 'days') return intl.formatMessage(m.requiredDays);
      if (part === 'start' || part === 'end') return intl.formatMessage(m.requiredTime);
      if (part === 'timeZone') return intl.formatMessage(m.requiredTimeZone);
      if (isGroup && field === 'alertContacts') return intl.formatMessage(m.requiredAlert);
      if (isGroup && field === 'operationalContactForUsers') return intl.formatMessage(m.requiredUsers);
      if (isGroup && field === 'operationalSupport') return intl.formatMessage(m.requiredSupport);
      if (isGroup && LIST_FIELD_NAMES.includes(field ?? '')) return intl.formatMessage(m.requiredList);
      return intl.formatMessage(m.requiredOther);
    case 'invalid_email':
      return intl.formatMessage(m.invalidEmail);
    case 'invalid_phone':
      return intl.formatMessage(m.invalidPhone);
    case 'invalid_url':
      return intl.formatMessage(m.invalidUrl);
    case 'invalid_time_zone':
      return intl.formatMessage(m.invalidTimeZone);
    case 'invalid_time':
      return intl.formatMessage(m.invalidTime);
    case 'invalid_window':
      return intl.formatMessage(m.invalidWindow);
    case 'invalid_day':
      return intl.formatMessage(m.invalidDay);
    case 'duplicate':
      if (field === 'alertContacts') return intl.formatMessage(m.duplicateAlert);
      if (part === 'days') return intl.formatMessage(m.duplicateDay);
      return intl.formatMessage(m.duplicateEmail);
    case 'too_many':
      if (field === 'operationalSupport') return intl.formatMessage({ id: 'contactInfo.error.tooManyWindows', defaultMessage: 'At most {max} support windows can be set.' }, { max: max ?? LIMITS.windows });
      return intl.formatMessage({ id: 'contactInfo.error.tooManyEntries', defaultMessage: 'At most {max} contacts fit in one field.' }, { max: max ?? LIMITS.entries });
    case 'too_long':
      return intl.formatMessage({ id: 'contactInfo.error.tooLong', defaultMessage: 'This is too long: at most {max} characters.' }, { max: max ?? maxLengthAt(place) });
    case 'not_a_member':
      return intl.formatMessage(m.notAMember);
    case 'production_only':
      return intl.formatMessage(m.productionOnly);
    case 'not_available':
      return intl.formatMessage(m.notAvailable);
    case 'invalid_value':
      return part === 'locale' ? intl.formatMessage(m.invalidLocale) : intl.formatMessage(m.invalidOther);
    default:
      return intl.formatMessage(m.invalidOther);
  }
}

const parts = defineMessages({
  email: { id: 'contactInfo.part.email', defaultMessage: 'Email' },
  name: { id: 'contactInfo.part.name', defaultMessage: 'Name' },
  phone: { id: 'contactInfo.part.phone', defaultMessage: 'Phone' },
  locale: { id: 'contactInfo.part.language', defaultMessage: 'Language' },
  url: { id: 'contactInfo.part.url', defaultMessage: 'Website URL' },
  days: { id: 'support.part.days', defaultMessage: 'Days' },
  start: { id: 'support.part.start', defaultMessage: 'Start' },
  end: { id: 'support.part.end', defaultMessage: 'End' },
  timeZone: { id: 'support.part.timeZone', defaultMessage: 'Time zone' },
  form: { id: 'contactInfo.part.form', defaultMessage: 'Contact information' },
});

/** Where an error is, in words: "Technical emergency contacts › Contact 2 › Phone". */
export function placeLabel(intl: IntlShape, place: string): string {
  const field = fieldOfPlace(place);
  if (!field) return intl.formatMessage(parts.form);
  const labels = [intl.formatMessage(CONTACT_FIELD_NAMES[field])];
  const rest = place.split('.').slice(1);
  if (field === 'operationalSupport' && rest[0] === 'windows' && rest[1] !== undefined) {
    labels.push(intl.formatMessage({ id: 'support.windowNumber', defaultMessage: 'Window {number}' }, { number: Number(rest[1]) + 1 }));
    const part = rest[2] as keyof typeof parts | undefined;
    if (part && part in parts) labels.push(intl.formatMessage(parts[part]));
  } else if (rest[0] !== undefined && /^\d+$/.test(rest[0])) {
    labels.push(intl.formatMessage({ id: 'contactInfo.contactNumber', defaultMessage: 'Contact {number}' }, { number: Number(rest[0]) + 1 }));
    const part = rest[1] as keyof typeof parts | undefined;
    if (part && part in parts) labels.push(intl.formatMessage(parts[part]));
  } else if (rest[0] !== undefined) {
    const part = rest[0] as keyof typeof parts;
    if (part in parts) labels.push(intl.formatMessage(parts[part]));
  }
  return labels.join(' › ');
}
