import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { DomainError, type ErrorDetail } from '../domain/errors';

/** Zod issues → API details with stable codes (`required`, `too_long`, `invalid_email`, …). */
export function detailsFromZod(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): ErrorDetail[] {
  return issues.flatMap((issue): ErrorDetail[] => {
    const path = [...prefix, ...issue.path.map(String)].join('.');
    switch (issue.code) {
      case 'invalid_type':
        return [{ path, code: issue.input === undefined ? 'required' : 'invalid_type' }];
      case 'too_big':
        return [{ path, code: issue.origin === 'array' ? 'too_many' : 'too_long', params: { max: Number(issue.maximum) } }];
      case 'too_small':
        return [
          issue.origin === 'string' && Number(issue.minimum) === 1
            ? { path, code: 'required' }
            : { path, code: 'too_short', params: { min: Number(issue.minimum) } },
        ];
      case 'invalid_format':
        return [{ path, code: issue.format === 'email' ? 'invalid_email' : 'invalid_value' }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: [path, key].filter(Boolean).join('.'), code: 'unknown_field' }));
      case 'custom':
        return [{ path, code: String((issue.params as { code?: string } | undefined)?.code ?? 'invalid_value') }];
      default:
        return [{ path, code: 'invalid_value' }];
    }
  });
}

/** Parses a value or throws `validation_failed` with every problem at once. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string[] = []): z.output<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new DomainError('validation_failed', detailsFromZod(result.error.issues, prefix));
}

/**
 * Fastify validator for zod route schemas. Every invalid part of a request becomes one
 * `validation_failed` error (query and path problems are prefixed with `querystring.`/`params.`).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    try {
      return { value: parseOrThrow(schema, data, httpPart && httpPart !== 'body' ? [httpPart] : []) };
    } catch (error) {
      return { error: error as Error };
    }
  };
