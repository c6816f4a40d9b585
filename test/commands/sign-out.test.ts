import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signOut } from '../../src/commands/sign-out';
import { ANONYMOUS, SYSTEM, userPrincipal, type Principal } from '../../src/domain/principal';
import { createSession, findSession } from '../../src/storage/sessions';
import { createCommandContext, createPerson, snapshot, type CommandContext } from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('signOut on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  it('revokes the session the person came with, and only that one', async () => {
    const person = await createPerson(ctx.db);
    const laptop = await createSession(ctx.db, person.user.id);
    const phone = await createSession(ctx.db, person.user.id);
    await signOut(ctx.deps, userPrincipal(person.user, { id: laptop.session.id, csrfToken: laptop.session.csrfToken }));
    expect(await findSession(ctx.db, laptop.token)).toBeUndefined();
    expect((await findSession(ctx.db, phone.token))?.user.id).toBe(person.user.id);
    // Signing out twice is harmless.
    await signOut(ctx.deps, userPrincipal(person.user, { id: laptop.session.id, csrfToken: laptop.session.csrfToken }));
    expect((await findSession(ctx.db, phone.token))?.user.id).toBe(person.user.id);
  });

  it('changes nothing for a person without a session or for any other principal', async () => {
    const person = await createPerson(ctx.db);
    const { token } = await createSession(ctx.db, person.user.id);
    const before = await snapshot(ctx.db);
    const others: Principal[] = [person.principal, ANONYMOUS, SYSTEM, { kind: 'service', token: { id: 't_1', name: 'Monitoring', accountId: null } }];
    for (const principal of others) await expect(signOut(ctx.deps, principal)).resolves.toBeUndefined();
    expect(await snapshot(ctx.db)).toEqual(before);
    expect((await findSession(ctx.db, token))?.user.id).toBe(person.user.id);
  });
});
