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

type Field = (value: unknown) => { value: unknown } | undefined;

const NUL_OR_SURROGATE = /[\u0000\uD800-\uDFFF]/;

/** A check for one field of a plain shape (see `plainShape`), or undefined when it is not one. */
function plainField(schema: z.core.$ZodType): Field | undefined {
  const def = schema._zod.def as unknown as {
    type: string;
    checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
    format?: string;
    innerType?: z.core.$ZodType;
    entries?: Record<string, string | number>;
    defaultValue?: unknown;
  };
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  switch (def.type) {
    case 'string': {
      if (def.format !== undefined || !checks.every((c) => c.check === 'max_length' || c.check === 'min_length')) return undefined;
      const max = Math.min(...checks.map((c) => c.maximum ?? Infinity));
      const min = Math.max(0, ...checks.map((c) => c.minimum ?? 0));
      // zod counts code points: strings with surrogate pairs (or NUL, refused before zod) go to zod.
      return (value) =>
        typeof value === 'string' && value.length <= max && value.length >= min && !NUL_OR_SURROGATE.test(value) ? { value } : undefined;
    }
    case 'enum': {
      if (checks.length > 0) return undefined;
      const values = new Set(Object.values(def.entries ?? {}));
      return (value) => (values.has(value as string) ? { value } : undefined);
    }
    case 'default':
    case 'optional': {
      const inner = def.innerType && checks.length === 0 ? plainField(def.innerType) : undefined;
      // zod v4 gives a default as is when it is a primitive (what these shapes hold); an object default is left to zod.
      if (!inner || (typeof def.defaultValue === 'object' && def.defaultValue !== null)) return undefined;
      const absent = { value: def.defaultValue };
      return (value) => (value === undefined ? absent : inner(value));
    }
    default:
      return undefined;
  }
}

/**
 * The hot routes' path and query schemas are plain: a strict object of length-limited strings and
 * enums, some with a default. For those, valid data is checked here without zod (zod was a tenth
 * of a signed-in read's CPU), giving what zod would give; anything else that is not plainly valid
 * goes to zod, so every error answer is zod's, exactly as before. Undefined: not a plain shape.
 */
export function plainShape(schema: z.core.$ZodType): ((data: unknown) => { value: Record<string, unknown> } | undefined) | undefined {
  const def = schema._zod.def as unknown as { type: string; catchall?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType>; checks?: unknown[] };
  if (def.type !== 'object' || def.catchall?._zod.def.type !== 'never' || (def.checks ?? []).length > 0 || !def.shape) return undefined;
  const fields = Object.entries(def.shape).map(([key, field]) => [key, plainField(field)] as const);
  if (fields.some(([, field]) => field === undefined)) return undefined;
  const known = new Set(fields.map(([key]) => key));
  return (data) => {
    if (data === null || typeof data !== 'object') return undefined;
    for (const key in data) if (!known.has(key)) return undefined;
    const value: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const checked = field!((data as Record<string, unknown>)[key]);
      if (!checked) return undefined;
      // As zod: an absent optional field stays absent, a present one (even undefined) is kept.
      if (checked.value !== undefined || key in data) value[key] = checked.value;
    }
    return { value };
  };
}

/**
 * Fastify validator for zod route schemas. Every invalid part of a request becomes one
 * `validation_failed` error (query and path problems are prefixed with `querystring.`/`params.`).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const plain = httpPart === 'params' || httpPart === 'querystring' ? plainShape(schema) : undefined;
  return (data) => {
    const fast = plain?.(data);
    if (fast) return fast;
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
};
