/**
 * The stable error codes of the API. The domain and the use cases throw `DomainError`s; the
 * server maps each code to its HTTP status in one place (src/server/errors.ts).
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'contact_info_required',
  'csrf_failed',
  'two_step_enrolment_required',
  'two_step_setup_first',
  'not_found',
  'already_member',
  'last_admin',
  'sole_alert_contact',
  'conflict',
  'invitation_expired',
  'reset_link_invalid',
  'sign_in_expired',
  'invalid_code',
  'version_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'production_only',
  'no_route',
  'webhook_limit_reached',
  'webhook_address_refused',
  'webhook_host_unknown',
  'category_mandatory',
  'not_listed',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The stable codes of the `details` of a `validation_failed` error; each has its own message. */
export const DETAIL_CODES = [
  'required',
  'invalid_type',
  'invalid_value',
  'unknown_field',
  'too_long',
  'too_short',
  'too_many',
  'duplicate',
  'invalid_email',
  'invalid_phone',
  'invalid_url',
  'invalid_time_zone',
  'invalid_time',
  'invalid_window',
  'invalid_day',
  'not_a_member',
  'production_only',
  'not_available',
  'unknown_integration_type',
] as const;

export type DetailCode = (typeof DETAIL_CODES)[number];

/** One problem of a rejected document, at a path such as `technicalEmergencyContacts.0.email`. */
export type ErrorDetail = {
  path: string;
  code: DetailCode;
  /** Values for the detail's message (e.g. `{max: 20}`). */
  params?: Record<string, string | number>;
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    /** Values for the message, and extra headers such as Retry-After, by name. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
