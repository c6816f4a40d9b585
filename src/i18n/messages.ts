/**
 * Server-side messages (API errors; emails add theirs). They are extracted into
 * locales/*.json with the web's messages by `npm run i18n:extract`, so one catalog per
 * language serves the UI, the API and emails.
 */
import type { DetailCode } from '../domain/errors';

export type MessageDescriptor = { id: string; defaultMessage: string };

/** Identity function under the name @formatjs/cli looks for when extracting. */
export function defineMessages<K extends string>(messages: Record<K, MessageDescriptor>) {
  return messages;
}

export const errorMessages = defineMessages({
  bad_request: { id: 'error.bad_request', defaultMessage: 'The request could not be read. Check that it is well-formed JSON.' },
  validation_failed: { id: 'error.validation_failed', defaultMessage: 'Some fields are not valid.' },
  unauthenticated: { id: 'error.unauthenticated', defaultMessage: 'Sign in to continue.' },
  invalid_credentials: { id: 'error.invalid_credentials', defaultMessage: 'The email or password is not correct.' },
  forbidden: { id: 'error.forbidden', defaultMessage: 'You do not have permission to do this.' },
  contact_info_required: {
    id: 'error.contact_info_required',
    defaultMessage: 'Complete the contact information of this account first.',
  },
  csrf_failed: {
    id: 'error.csrf_failed',
    defaultMessage: 'The security token is missing or out of date. Reload the page and try again.',
  },
  two_step_enrolment_required: {
    id: 'error.two_step_enrolment_required',
    defaultMessage: 'Set up two-step sign-in on your profile first: it is required for your account.',
  },
  two_step_setup_first: {
    id: 'error.two_step_setup_first',
    defaultMessage: 'Set up two-step sign-in for yourself first (on your profile): the requirement applies to you too.',
  },
  not_found: { id: 'error.not_found', defaultMessage: 'Not found.' },
  already_member: { id: 'error.already_member', defaultMessage: 'This person is already a user of the account.' },
  last_admin: { id: 'error.last_admin', defaultMessage: 'An account must keep at least one admin.' },
  sole_alert_contact: {
    id: 'error.sole_alert_contact',
    defaultMessage: 'This user is the only alert contact. Add another alert contact first.',
  },
  conflict: { id: 'error.conflict', defaultMessage: 'This conflicts with the current state.' },
  invitation_expired: { id: 'error.invitation_expired', defaultMessage: 'This invitation has expired. Ask for a new one.' },
  reset_link_invalid: {
    id: 'error.reset_link_invalid',
    defaultMessage: 'This password reset link has expired or was already used. Ask for a new one.',
  },
  sign_in_expired: { id: 'error.sign_in_expired', defaultMessage: 'This sign-in took too long. Enter your email and password again.' },
  invalid_code: { id: 'error.invalid_code', defaultMessage: 'The code is not correct.' },
  version_conflict: {
    id: 'error.version_conflict',
    defaultMessage: 'Someone else changed this in the meantime. Reload to see their changes.',
  },
  payload_too_large: { id: 'error.payload_too_large', defaultMessage: 'The request body is larger than {limit}.' },
  unsupported_media_type: { id: 'error.unsupported_media_type', defaultMessage: 'Send the body as application/json.' },
  production_only: { id: 'error.production_only', defaultMessage: 'This is only possible in the Production environment.' },
  no_route: { id: 'error.no_route', defaultMessage: 'Nobody receives this category for this account.' },
  webhook_limit_reached: { id: 'error.webhook_limit_reached', defaultMessage: 'An account can have at most {max} webhooks. Delete one first.' },
  webhook_address_refused: {
    id: 'error.webhook_address_refused',
    defaultMessage: 'This address is not allowed: webhooks can only go to public internet addresses, not to local or private networks.',
  },
  webhook_host_unknown: { id: 'error.webhook_host_unknown', defaultMessage: 'The host of this address could not be found.' },
  category_mandatory: {
    id: 'error.category_mandatory',
    defaultMessage: 'Emergency notifications cannot be unsubscribed from: they must reach the people responsible.',
  },
  not_listed: { id: 'error.not_listed', defaultMessage: 'This address is not listed under that field of the contact information.' },
  rate_limited: {
    id: 'error.rate_limited',
    defaultMessage: 'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  internal_error: { id: 'error.internal_error', defaultMessage: 'Something went wrong on our side. Try again later.' },
  service_unavailable: { id: 'error.service_unavailable', defaultMessage: 'The service is shutting down. Try again shortly.' },
});

/** Messages for the `code` of one detail of a `validation_failed` error: one for every code. */
export const detailMessages: Record<DetailCode, MessageDescriptor> = defineMessages({
  required: { id: 'detail.required', defaultMessage: 'This is required.' },
  invalid_type: { id: 'detail.invalid_type', defaultMessage: 'This value has the wrong type.' },
  invalid_value: { id: 'detail.invalid_value', defaultMessage: 'This value is not allowed.' },
  invalid_email: { id: 'detail.invalid_email', defaultMessage: 'Enter a valid email address.' },
  too_long: {
    id: 'detail.too_long',
    defaultMessage: 'This is too long (at most {max, plural, one {# character} other {# characters}}).',
  },
  too_short: {
    id: 'detail.too_short',
    defaultMessage: 'This is too short (at least {min, plural, one {# character} other {# characters}}).',
  },
  too_many: { id: 'detail.too_many', defaultMessage: 'Too many entries (at most {max, plural, one {# entry} other {# entries}}).' },
  unknown_field: { id: 'detail.unknown_field', defaultMessage: 'This field is not known.' },
  duplicate: { id: 'detail.duplicate', defaultMessage: 'This value is listed twice.' },
  invalid_phone: { id: 'detail.invalid_phone', defaultMessage: 'Enter a phone number in international format, such as +44 20 7946 0958.' },
  invalid_url: { id: 'detail.invalid_url', defaultMessage: 'Enter a full web address starting with https://.' },
  invalid_time_zone: {
    id: 'detail.invalid_time_zone',
    defaultMessage: 'This is not a known time zone (use an IANA name such as Europe/Warsaw).',
  },
  invalid_time: { id: 'detail.invalid_time', defaultMessage: 'Enter a time as HH:MM from 00:00 to 23:59 (an end may be 24:00).' },
  invalid_window: { id: 'detail.invalid_window', defaultMessage: 'The end must be later than the start.' },
  invalid_day: { id: 'detail.invalid_day', defaultMessage: 'Use mon, tue, wed, thu, fri, sat or sun.' },
  not_a_member: { id: 'detail.not_a_member', defaultMessage: 'This person is not a user of the account.' },
  production_only: { id: 'detail.production_only', defaultMessage: 'Alert contacts can only be changed in the Production environment.' },
  not_available: { id: 'detail.not_available', defaultMessage: "None of this account's integrations uses merchant-issue contacts." },
  unknown_integration_type: { id: 'detail.unknown_integration_type', defaultMessage: 'This integration type is not in the catalog.' },
});
