import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as accounts from '../../src/contract/accounts';
import * as contactInfo from '../../src/contract/contact-info';
import * as notifications from '../../src/contract/notifications';
import * as operator from '../../src/contract/operator';
import * as paging from '../../src/contract/paging';
import * as publicContract from '../../src/contract/public';
import * as session from '../../src/contract/session';
import { plainShape } from '../../src/server/validation';

/** A small seeded generator: the same inputs on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const SYNTHETIC = {
  optionalAndMin: z.strictObject({ name: z.string().min(2).max(5).optional(), kind: z.enum(['a', 'b']) }),
  stringDefault: z.strictObject({ sort: z.string().max(10).default('name') }),
};

/** Every plain shape among the contract's schemas, and a few made up for the corners. */
function plainSchemas(): [string, z.ZodType][] {
  const found: [string, z.ZodType][] = [];
  for (const module of [accounts, contactInfo, notifications, operator, paging, publicContract, session, SYNTHETIC]) {
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof z.ZodType && plainShape(value)) found.push([name, value]);
    }
  }
  return found;
}

describe('the fast path for plain path and query schemas', () => {
  const schemas = plainSchemas();

  it('covers the hot routes\u2019 schemas and leaves the others to zod', () => {
    const names = schemas.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['accountParams', 'envQuery', 'optionalAndMin', 'stringDefault']));
    expect(plainShape(z.strictObject({ email: z.email() }))).toBeUndefined();
    expect(plainShape(z.strictObject({ id: z.string().regex(/^a/) }))).toBeUndefined();
    expect(plainShape(z.object({ id: z.string() }))).toBeUndefined();
    expect(plainShape(z.strictObject({ limit: z.coerce.number() }))).toBeUndefined();
    expect(plainShape(z.strictObject({ id: z.string().refine((v) => v !== 'x') }))).toBeUndefined();
  });

  it('accepts exactly what zod accepts, with what zod gives, for thousands of inputs', () => {
    const { next, pick } = random(20261126);
    const strings = ['', 'a', 'ab', 'abcdef', 'production', 'sandbox', 'x'.repeat(64), 'x'.repeat(65), 'zażółć', 'a\u0000b', '\u{1F600}', 'name'];
    const values = () => pick<unknown>([pick(strings), pick(strings), undefined, 5, null, ['a'], { a: 1 }, true]);
    let accepted = 0;
    for (const [name, schema] of schemas) {
      const fast = plainShape(schema)!;
      const keys = Object.keys((schema as z.ZodObject).shape);
      for (let i = 0; i < 2000; i++) {
        const input: Record<string, unknown> = {};
        for (const key of keys) if (next() < 0.8) input[key] = values();
        if (next() < 0.1) input[pick(['extra', 'env', 'accountId', 'limit'])] = values();
        const zod = schema.safeParse(input);
        const mine = fast(input);
        if (mine) {
          accepted += 1;
          expect(zod.success, `${name} ${JSON.stringify(input)}`).toBe(true);
          expect(mine.value, `${name} ${JSON.stringify(input)}`).toStrictEqual(zod.data);
        } else if (zod.success) {
          // Declining valid data is allowed (zod then answers) only for what the fast path leaves to
          // zod on purpose: NUL (refused before zod sees it) and characters beyond the BMP (zod counts code points).
          expect(JSON.stringify(input), name).toMatch(/\\u0000|\u{1F600}/u);
        }
      }
    }
    // The comparison meant something: many inputs took the fast path.
    expect(accepted).toBeGreaterThan(1000);
  });
});
