import { z } from 'zod';
import { DETAIL_CODES, ERROR_CODES } from '../domain/errors';

/** The error envelope of every 4xx/5xx answer; `code` and each detail's `code` are stable enums. */
export const errorResponse = z
  .object({
    error: z
      .object({
      code: z.enum(ERROR_CODES).describe('Stable error code: clients branch on it, never on the message'),
      message: z.string().describe("Human-readable, in the caller's language"),
      details: z
        .array(
          z.object({
            path: z.string().describe('Where the problem is, e.g. technicalEmergencyContacts.0.email'),
            code: z.enum(DETAIL_CODES).describe('Stable code of the problem, e.g. invalid_email, required, too_long'),
            message: z.string().describe("The problem in words, in the caller's language"),
          }),
        )
        .optional()
        .describe('Every problem of a rejected document at once (validation_failed)'),
      })
      .describe('What went wrong'),
  })
  .describe('Error');

/** The error envelope under each of the given statuses, for a route's `response` schema. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorResponse> {
  return Object.fromEntries(statuses.map((status) => [status, errorResponse])) as Record<S, typeof errorResponse>;
}
