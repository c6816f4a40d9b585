import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, signIn } from '../../src/commands/sign-in';
import { ANONYMOUS } from '../../src/domain/principal';
import { findSession, SESSION_TTL_MS } from '../../src/storage/sessions';
import { countRecentFailures, recordFailures } from '../../src/storage/sign-in-failures';
import { createCommandContext, createPerson, expectRefusal, expectRefusedWithoutChange, PASSWORD, uniqueEmail, type CommandContext } from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('signIn on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const attempt = async (email: string, password: string, address = '192.0.2.1') => {
    const outcome = await signIn(ctx.deps, ANONYMOUS, { email, password, address });
    if (outcome.step !== 'done') throw new Error('a code is required');
    return outcome;
  };
  const failuresOf = async (key: string) => (await countRecentFailures(ctx.db, key, new Date(Date.now() - SIGN_IN_LIMITS.windowMs).toISOString())).count;
  const sessionsOf = (userId: string) => ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();

  it('opens a session with a CSRF token for the right password, whatever the case and spacing of the email', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('ana'), name: 'Ana' });
    const before = Date.now();
    const result = await attempt(`  ${user.email.toUpperCase()} `, PASSWORD);
    expect(result.user).toEqual(user);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(result.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(result.csrfToken).not.toBe(result.token);
    expect(Date.parse(result.expiresAt)).toBeGreaterThanOrEqual(before + SESSION_TTL_MS);
    // The session is stored (by the token's hash, never the token) and is found by its cookie value.
    const found = await findSession(ctx.db, result.token);
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.csrfToken).toBe(result.csrfToken);
    const rows = await sessionsOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(result.token);
  });

  it('refuses a wrong password or an unknown email with invalid_credentials, counting the failure and opening no session', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('bo') });
    await expectRefusal(attempt(user.email, 'not-the-password', '192.0.2.10'), 'invalid_credentials');
    await expectRefusal(attempt(uniqueEmail('nobody'), PASSWORD, '192.0.2.10'), 'invalid_credentials');
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(await failuresOf(`email:${user.email}`)).toBe(1);
    expect(await failuresOf('ip:192.0.2.10')).toBe(2);
  });

  it('refuses a person invited but without a password yet', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('invited'), password: null });
    await expectRefusal(attempt(user.email, ''), 'invalid_credentials');
    await expectRefusal(attempt(user.email, PASSWORD), 'invalid_credentials');
  });

  it('answers rate_limited with the seconds to wait after five failures for one email, even with the right password', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('guessed') });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      await expectRefusal(attempt(user.email, `guess-${i}`, `198.51.100.${i}`), 'invalid_credentials');
    }
    const error = await expectRefusedWithoutChange(ctx.db, () => attempt(user.email, PASSWORD, '198.51.100.99'), 'rate_limited');
    expect(error.params.seconds).toBeGreaterThan(SIGN_IN_LIMITS.windowMs / 1000 - 60);
    expect(error.params.seconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMs / 1000);
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it('counts the wait from the oldest failure in the window', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('waiting') });
    // Five failures fourteen minutes ago: the first frees up in about a minute.
    const at = new Date(Date.now() - SIGN_IN_LIMITS.windowMs + 60_000).toISOString();
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) await recordFailures(ctx.db, [`email:${user.email}`], at);
    const error = await expectRefusal(attempt(user.email, PASSWORD), 'rate_limited');
    expect(error.params.seconds).toBeGreaterThanOrEqual(55);
    expect(error.params.seconds).toBeLessThanOrEqual(60);
  });

  it('forgets failures older than the window', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('old') });
    const at = new Date(Date.now() - SIGN_IN_LIMITS.windowMs - 1000).toISOString();
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail + 3; i++) await recordFailures(ctx.db, [`email:${user.email}`], at);
    expect((await attempt(user.email, PASSWORD)).user.id).toBe(user.id);
  });

  it('limits one address across emails, and other addresses still sign in', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('office') });
    const now = new Date().toISOString();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await recordFailures(ctx.db, ['ip:203.0.113.7'], now);
    const error = await expectRefusedWithoutChange(ctx.db, () => attempt(user.email, PASSWORD, '203.0.113.7'), 'rate_limited');
    expect(error.params.seconds).toBeGreaterThan(0);
    expect((await attempt(user.email, PASSWORD, '203.0.113.8')).user.id).toBe(user.id);
  });

  it('clears the email failures after a successful sign-in', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('typo') });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail - 1; i++) await expectRefusal(attempt(user.email, 'typo'), 'invalid_credentials');
    await attempt(user.email, PASSWORD);
    expect(await failuresOf(`email:${user.email}`)).toBe(0);
    // So the next typo starts a fresh count instead of locking the person out.
    await expectRefusal(attempt(user.email, 'typo'), 'invalid_credentials');
    expect((await attempt(user.email, PASSWORD)).user.id).toBe(user.id);
  });
});
