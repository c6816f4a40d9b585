import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSession } from '../../src/commands/get-session';
import { ANONYMOUS, SYSTEM, userPrincipal, type Principal } from '../../src/domain/principal';
import { createSession } from '../../src/storage/sessions';
import { addMember, createAccountWithAdmin, createCommandContext, createPerson, expectRefusal, type CommandContext } from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('getSession on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  it("shows the signed-in person, their accounts by name with their role, and the session's CSRF token", async () => {
    const zeta = await createAccountWithAdmin(ctx, { name: 'Zeta Foods' });
    const alpha = await createAccountWithAdmin(ctx, { name: 'Alpha Rides' });
    const person = await addMember(ctx, zeta.id, 'viewer', { name: 'Vera' });
    await ctx.db.insertInto('memberships').values({ account_id: alpha.id, user_id: person.user.id, role: 'editor', created_at: new Date().toISOString() }).execute();
    const { session } = await createSession(ctx.db, person.user.id);
    const principal = userPrincipal({ ...person.user, locale: 'pl' }, { id: session.id, csrfToken: session.csrfToken });
    expect(await getSession(ctx.deps, principal)).toEqual({
      user: { id: person.user.id, email: person.user.email, name: 'Vera', locale: 'pl' },
      isOperator: false,
      memberships: [
        { accountId: alpha.id, accountName: 'Alpha Rides', role: 'editor' },
        { accountId: zeta.id, accountName: 'Zeta Foods', role: 'viewer' },
      ],
      csrfToken: session.csrfToken,
      twoStepEnrolmentRequired: false,
    });
  });

  it('uses the CSRF token it is given (right after sign-in, before the principal has a session)', async () => {
    const operator = await createPerson(ctx.db, { isOperator: true, name: 'Olga' });
    const result = await getSession(ctx.deps, operator.principal, { csrfToken: 'fresh-token' });
    expect(result).toEqual({
      user: { id: operator.user.id, email: operator.user.email, name: 'Olga', locale: null },
      isOperator: true,
      memberships: [],
      csrfToken: 'fresh-token',
      twoStepEnrolmentRequired: false,
    });
  });

  it('answers unauthenticated for a person without a session or token, and for every other principal', async () => {
    const person = await createPerson(ctx.db);
    await expectRefusal(getSession(ctx.deps, person.principal), 'unauthenticated');
    const others: Principal[] = [ANONYMOUS, SYSTEM, { kind: 'service', token: { id: 't_1', name: 'Monitoring', accountId: null } }];
    for (const principal of others) {
      await expectRefusal(getSession(ctx.deps, principal, { csrfToken: 'any' }), 'unauthenticated');
    }
  });
});
