import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/commands/set-language';
import { ANONYMOUS, SYSTEM, userPrincipal, type Principal } from '../../src/domain/principal';
import { createSession } from '../../src/storage/sessions';
import { findUserById } from '../../src/storage/users';
import { createCommandContext, createPerson, expectRefusedWithoutChange, type CommandContext } from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('setLanguage on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  it("remembers the person's language and answers the session with it; null follows the browser again", async () => {
    const person = await createPerson(ctx.db, { name: 'Hana' });
    const { session } = await createSession(ctx.db, person.user.id);
    const principal = userPrincipal(person.user, { id: session.id, csrfToken: session.csrfToken });

    const hebrew = await setLanguage(ctx.deps, principal, { locale: 'he' });
    expect(hebrew).toEqual({
      user: { id: person.user.id, email: person.user.email, name: 'Hana', locale: 'he' },
      isOperator: false,
      memberships: [],
      csrfToken: session.csrfToken,
      twoStepEnrolmentRequired: false,
    });
    expect((await findUserById(ctx.db, person.user.id))?.locale).toBe('he');

    const browser = await setLanguage(ctx.deps, principal, { locale: null });
    expect(browser.user.locale).toBeNull();
    expect((await findUserById(ctx.db, person.user.id))?.locale).toBeNull();
  });

  it('answers unauthenticated to every principal but a person, and changes nothing', async () => {
    const others: Principal[] = [ANONYMOUS, SYSTEM, { kind: 'service', token: { id: 't_1', name: 'Monitoring', accountId: null } }];
    for (const principal of others) {
      await expectRefusedWithoutChange(ctx.db, () => setLanguage(ctx.deps, principal, { locale: 'pl' }), 'unauthenticated');
    }
  });

  it('does not remember a language it then refuses to answer for (a person without a session)', async () => {
    // A refusal changes nothing: either the language is remembered and the answer given, or neither.
    const person = await createPerson(ctx.db, { locale: 'en' });
    const outcome = await setLanguage(ctx.deps, person.principal, { locale: 'pl' }).then(
      (session) => ({ session }),
      (error: unknown) => ({ error }),
    );
    const stored = (await findUserById(ctx.db, person.user.id))?.locale;
    if ('error' in outcome) expect(stored, 'refused, yet the new language was stored').toBe('en');
    else expect(stored).toBe('pl');
  });
});
