import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_RESET, requestPasswordReset } from '../../src/commands/request-password-reset';
import { resetPassword } from '../../src/commands/reset-password';
import { ANONYMOUS } from '../../src/domain/principal';
import { findCredentials } from '../../src/storage/users';
import { verifyPassword } from '../../src/commands/parts/passwords';
import { createCommandContext, createPerson, deliveriesTo, expectRefusal, expectRefusedWithoutChange, PUBLIC_URL, signedIn, uniqueEmail, type CommandContext } from '../support/commands';
import { DIALECTS } from '../support/storage';

const NEW_PASSWORD = 'the-new-long-password';

describe.each(DIALECTS)('requestPasswordReset and resetPassword on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const request = (email: string, address = '192.0.2.50') => requestPasswordReset(ctx.deps, ANONYMOUS, { email, address, locale: 'en' });
  const tokenIn = async (email: string) => {
    const mail = (await deliveriesTo(ctx.db, email)).filter((d) => d.subject === 'Reset your Liaison password').at(-1);
    const match = mail && new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}/reset-password/([A-Za-z0-9_-]+)`).exec(mail.text);
    if (!match) throw new Error(`no reset link queued for ${email}`);
    return match[1]!;
  };

  it('queues a link in the person’s language and stores only its hash, valid for one hour', async () => {
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('pia'), locale: 'pl' });
    const before = Date.now();
    await request(`  ${user.email.toUpperCase()} `);
    const mail = (await deliveriesTo(ctx.db, user.email)).at(-1)!;
    expect(mail.subject).toBe('Zresetuj hasło do Liaison');
    const token = new RegExp(`${PUBLIC_URL}/reset-password/([A-Za-z0-9_-]+)`).exec(mail.text)![1]!;
    const rows = await ctx.db.selectFrom('password_resets').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toBe(token);
    expect(Date.parse(rows[0]!.expires_at)).toBeGreaterThanOrEqual(before + PASSWORD_RESET.ttlMs - 1000);
  });

  it('does the same, and queues nothing, for an unknown address or someone without a password', async () => {
    const unknown = uniqueEmail('nobody');
    await request(unknown, '192.0.2.51');
    expect(await deliveriesTo(ctx.db, unknown)).toEqual([]);
    const { user } = await createPerson(ctx.db, { email: uniqueEmail('invited'), password: null });
    await request(user.email, '192.0.2.51');
    expect(await deliveriesTo(ctx.db, user.email)).toEqual([]);
  });

  it('refuses beyond the limits per email and per address with rate_limited', async () => {
    const email = uniqueEmail('many');
    for (let i = 0; i < PASSWORD_RESET.perEmail; i++) await request(email, `192.0.2.${60 + i}`);
    const error = await expectRefusal(request(email, '192.0.2.99'), 'rate_limited');
    expect(error.params.seconds).toBeGreaterThan(0);
    for (let i = 0; i < PASSWORD_RESET.perAddress; i++) await request(uniqueEmail('spray'), '198.51.100.77');
    await expectRefusal(request(uniqueEmail('spray'), '198.51.100.77'), 'rate_limited');
  });

  it('sets the new password once, ends every session, revokes older links, logs and tells the person', async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('reset') });
    await signedIn(ctx, person);
    await signedIn(ctx, person);
    await request(person.user.email, '192.0.2.70');
    const older = await tokenIn(person.user.email);
    await request(person.user.email, '192.0.2.70');
    const token = await tokenIn(person.user.email);
    expect(token).not.toBe(older);
    await expectRefusal(resetPassword(ctx.deps, ANONYMOUS, { token: older, password: NEW_PASSWORD }), 'reset_link_invalid');

    await resetPassword(ctx.deps, ANONYMOUS, { token, password: NEW_PASSWORD, address: '192.0.2.70' });
    const credentials = await findCredentials(ctx.db, person.user.email);
    expect(await verifyPassword(credentials!.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', person.user.id).execute()).toEqual([]);
    const log = await ctx.db.selectFrom('security_log').selectAll().where('user_id', '=', person.user.id).execute();
    expect(log.map((e) => e.action)).toEqual(['password.reset']);
    expect((await deliveriesTo(ctx.db, person.user.email)).at(-1)!.subject).toBe('Your Liaison password was changed');

    await expectRefusedWithoutChange(ctx.db, () => resetPassword(ctx.deps, ANONYMOUS, { token, password: 'another-long-password' }), 'reset_link_invalid');
  });

  it('refuses an expired or unknown link without changing anything', async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('late') });
    await request(person.user.email, '192.0.2.80');
    const token = await tokenIn(person.user.email);
    await ctx.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1).toISOString() }).where('user_id', '=', person.user.id).execute();
    await expectRefusedWithoutChange(ctx.db, () => resetPassword(ctx.deps, ANONYMOUS, { token, password: NEW_PASSWORD }), 'reset_link_invalid');
    await expectRefusedWithoutChange(ctx.db, () => resetPassword(ctx.deps, ANONYMOUS, { token: 'made-up', password: NEW_PASSWORD }), 'reset_link_invalid');
  });
});
