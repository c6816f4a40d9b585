import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * `anyOf: [X, {type: 'null'}]` (zod's `.nullable()`) as `type: [X's type, 'null']`: fast-json-stringify
 * would otherwise validate each branch with ajv on every call to pick one.
 */
function simplify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplify);
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = simplify(value);
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const nullIndex = anyOf.findIndex((branch) => branch.type === 'null' && Object.keys(branch).length === 1);
    const other = anyOf[1 - nullIndex];
    if (nullIndex !== -1 && other && typeof other.type === 'string' && !('anyOf' in other) && !('$ref' in other)) {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

/** A zod response schema as JSON Schema (its output side), or undefined where it has no JSON form. */
export function responseJsonSchema(schema: z.ZodType): JsonSchema | undefined {
  try {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-07' }) as JsonSchema;
    delete json.$schema;
    return simplify(json) as JsonSchema;
  } catch {
    return undefined;
  }
}

/**
 * Responses serialized by fast-json-stringify from each zod schema compiled once to JSON Schema,
 * instead of fastify-type-provider-zod's encode-with-zod on every response. What a client sees is
 * the same: only the schema's properties, required ones required (a missing one is still a 500).
 * Schemas with no JSON form (transforms, `z.undefined()`) keep zod's serializer.
 */
/** The serializer `serializerCompiler` gives a response schema, for bodies serialized ahead of time. */
export function compileSerializer<T>(schema: z.ZodType): (value: T) => string {
  return serializerCompiler({ schema, method: 'GET', url: '', httpStatus: '200' } as never);
}

export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const json = route.schema instanceof z.ZodType ? responseJsonSchema(route.schema) : undefined;
  if (!json || json.type !== 'object') return zodSerializerCompiler(route as never);
  return fastJsonStringify(json as never) as (data: unknown) => string;
};
