import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors';
import { detailMessages, errorMessages } from '../i18n/messages';

/** The one mapping from error codes to HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  contact_info_required: 403,
  csrf_failed: 403,
  two_step_enrolment_required: 403,
  two_step_setup_first: 409,
  not_found: 404,
  already_member: 409,
  last_admin: 409,
  sole_alert_contact: 409,
  conflict: 409,
  invitation_expired: 410,
  reset_link_invalid: 410,
  sign_in_expired: 410,
  invalid_code: 422,
  version_conflict: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  production_only: 422,
  no_route: 422,
  webhook_limit_reached: 409,
  webhook_address_refused: 422,
  webhook_host_unknown: 422,
  category_mandatory: 422,
  not_listed: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/** The error codes answered with an HTTP status (for the OpenAPI document's descriptions). */
export function errorCodesFor(status: number): ErrorCode[] {
  return (Object.keys(STATUS) as ErrorCode[]).filter((code) => STATUS[code] === status);
}


export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: { path: string; code: string; message: string }[] };
};

/** Serializes a DomainError in the caller's language. */
export function errorBody(request: FastifyRequest, error: DomainError): ErrorBody {
  const t = request.t;
  const body: ErrorBody = { error: { code: error.code, message: t(errorMessages[error.code], error.params) } };
  if (error.details.length > 0) {
    body.error.details = error.details.map((detail) => ({
      path: detail.path,
      code: detail.code,
      message: t(detailMessages[detail.code], detail.params),
    }));
  }
  return body;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  if (error.code === 'rate_limited' && error.params.seconds !== undefined) {
    reply.header('retry-after', String(error.params.seconds));
  }
  return reply.status(STATUS[error.code]).type('application/json; charset=utf-8').send(errorBody(request, error));
}

/** Fastify's own errors (body parsing, limits, content types) → our codes. */
function fromFastifyError(error: FastifyError): DomainError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('payload_too_large', [], { limit: '256 KiB' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new DomainError('bad_request');
  }
  // JSON.parse failures surface as SyntaxError with a 400 status.
  if (error instanceof SyntaxError || (error.statusCode === 400 && !error.validation)) return new DomainError('bad_request');
  if (error.statusCode === 413) return new DomainError('payload_too_large', [], { limit: '256 KiB' });
  if (error.statusCode === 415) return new DomainError('unsupported_media_type');
  return undefined;
}

/** Installs the one error handler and the not-found handler. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return sendError(request, reply, error);
    const mapped = fromFastifyError(error);
    if (mapped) return sendError(request, reply, mapped);
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, new DomainError('internal_error'));
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, new DomainError('not_found')));
}
