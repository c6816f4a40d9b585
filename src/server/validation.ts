import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { DETAIL_CODES, DomainError, type DetailCode, type ErrorDetail } from '../domain/errors';

/** A schema's own detail code where it names a known one, else the generic `invalid_value`. */
function detailCode(code: string | undefined): DetailCode {
  return DETAIL_CODES.includes(code as DetailCode) ? (code as DetailCode) : 'invalid_value';
}

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
        // An empty string or list where one is needed is simply missing.
        return [
          (issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) === 1
            ? { path, code: 'required' }
            : { path, code: 'too_short', params: { min: Number(issue.minimum) } },
        ];
      case 'invalid_format':
        return [{ path, code: issue.format === 'email' ? 'invalid_email' : 'invalid_value' }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: [path, key].filter(Boolean).join('.'), code: 'unknown_field' }));
      case 'custom':
        return [{ path, code: detailCode((issue.params as { code?: string } | undefined)?.code) }];
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

/** Paths of strings holding NUL, which PostgreSQL cannot store and no field needs. */
function nulPaths(value: unknown, path: string[] = [], found: string[][] = []): string[][] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulPaths(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulPaths(item, [...path, key], found);
  }
  return found;
}

/**
 * Fastify validator for zod route schemas. Every invalid part of a request becomes one
 * `validation_failed` error (query and path problems are prefixed with `querystring.`/`params.`).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const prefix = httpPart && httpPart !== 'body' ? [httpPart] : [];
    const withNul = nulPaths(data);
    if (withNul.length > 0) {
      const details = withNul.map((path) => ({ path: [...prefix, ...path].join('.'), code: 'invalid_value' as const }));
      return { error: new DomainError('validation_failed', details) };
    }
    try {
      return { value: parseOrThrow(schema, data, prefix) };
    } catch (error) {
      return { error: error as Error };
    }
  };
