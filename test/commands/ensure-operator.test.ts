import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureOperator } from '../../src/commands/ensure-operator';
import { verifyPassword } from '../../src/commands/parts/passwords';
import { SYSTEM } from '../../src/domain/principal';
import { findCredentials } from '../../src/storage/users';
import { createCommandContext, createPerson, snapshot, type CommandContext } from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('ensureOperator on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());
  // Each test starts from an installation without operators.
  beforeEach(async () => {
    await ctx.db.deleteFrom('users').where('is_operator', '=', 1).execute();
  });

  it('creates the first operator from the configured email and password', async () => {
    const created = await ensureOperator(ctx.deps, SYSTEM, { email: 'Root@Liaison.Test', password: 'a-configured-password' });
    expect(created).toEqual({ email: 'Root@Liaison.Test', password: 'a-configured-password', generated: false });
    const stored = await findCredentials(ctx.db, 'root@liaison.test');
    expect(stored?.user).toMatchObject({ email: 'root@liaison.test', name: 'Operator', isOperator: true });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored?.passwordHash, 'a-configured-password')).toBe(true);
  });

  it('generates a password for the configured email when none is given, and only then says so', async () => {
    const created = await ensureOperator(ctx.deps, SYSTEM, { email: 'ops@liaison.test' });
    expect(created).toMatchObject({ email: 'ops@liaison.test', generated: true });
    expect(created!.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await verifyPassword((await findCredentials(ctx.db, 'ops@liaison.test'))?.passwordHash, created!.password)).toBe(true);
  });

  it('creates nothing when an operator exists; partner users do not count as one', async () => {
    await createPerson(ctx.db, { email: 'partner@partner.example' });
    const first = await ensureOperator(ctx.deps, SYSTEM, {});
    expect(first).toMatchObject({ email: 'admin@localhost', generated: true });
    const state = await snapshot(ctx.db);
    expect(await ensureOperator(ctx.deps, SYSTEM, { email: 'second@liaison.test', password: 'another-password' })).toBeUndefined();
    expect(await snapshot(ctx.db)).toEqual(state);
    expect(await findCredentials(ctx.db, 'second@liaison.test')).toBeUndefined();
  });

  it('creates one operator when two processes start at once', async () => {
    const results = await Promise.all([
      ensureOperator(ctx.deps, SYSTEM, { email: 'race@liaison.test', password: 'a-configured-password' }),
      ensureOperator(ctx.deps, SYSTEM, { email: 'race@liaison.test', password: 'a-configured-password' }),
    ]);
    // One reports the operator it made (and the password to print); the other finds it and stays quiet.
    expect(results.filter((r) => r !== undefined)).toEqual([{ email: 'race@liaison.test', password: 'a-configured-password', generated: false }]);
    expect(await ctx.db.selectFrom('users').select('email').where('is_operator', '=', 1).execute()).toEqual([{ email: 'race@liaison.test' }]);
  });
});
