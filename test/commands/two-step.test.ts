import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_LIMITS, completeTwoStepSignIn } from '../../src/commands/complete-two-step-sign-in';
import { signIn } from '../../src/commands/sign-in';
import { confirmTwoStep, startTwoStepEnrolment, turnOffTwoStep } from '../../src/commands/two-step';
import { ANONYMOUS } from '../../src/domain/principal';
import { findTwoStep } from '../../src/storage/own-access';
import { createCommandContext, createPerson, deliveriesTo, expectRefusal, expectRefusedWithoutChange, PASSWORD, signedIn, uniqueEmail, type CommandContext, type Person } from '../support/commands';
import { DIALECTS } from '../support/storage';

const codeFor = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });
const wrongCodeFor = (secret: string) => {
  const valid = new Set([-30, 0, 30].map((o) => codeFor(secret, o)));
  let code = '000000';
  for (let i = 0; valid.has(code); i++) code = String(i).padStart(6, '0');
  return code;
};

describe.each(DIALECTS)('two-step sign-in commands on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  async function enrolled(): Promise<{ person: Person; secret: string; recoveryCodes: string[]; confirmedWith: string }> {
    const person = await createPerson(ctx.db, { email: uniqueEmail('totp') });
    const principal = await signedIn(ctx, person);
    const { secret } = await startTwoStepEnrolment(ctx.deps, principal);
    const confirmedWith = codeFor(secret);
    const { recoveryCodes } = await confirmTwoStep(ctx.deps, principal, { code: confirmedWith });
    return { person, secret, recoveryCodes, confirmedWith };
  }
  const pendingFor = async (email: string) => {
    const outcome = await signIn(ctx.deps, ANONYMOUS, { email, password: PASSWORD, address: '192.0.2.1' });
    if (outcome.step !== 'code_required') throw new Error('expected a code to be required');
    return outcome.pendingToken;
  };

  it('starts enrolment with a fresh secret kept aside until a code confirms it', async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('enrol') });
    const principal = await signedIn(ctx, person);
    await expectRefusal(confirmTwoStep(ctx.deps, principal, { code: '123456' }), 'conflict');
    const setup = await startTwoStepEnrolment(ctx.deps, principal);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Liaison:/);
    expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await findTwoStep(ctx.db, person.user.id)).toEqual({ secret: null, enabledAt: null, pendingSecret: setup.secret });
    await expectRefusal(confirmTwoStep(ctx.deps, principal, { code: wrongCodeFor(setup.secret) }), 'invalid_code');
    const { recoveryCodes } = await confirmTwoStep(ctx.deps, principal, { code: codeFor(setup.secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect((await findTwoStep(ctx.db, person.user.id))?.secret).toBe(setup.secret);
    expect((await deliveriesTo(ctx.db, person.user.email)).at(-1)!.subject).toBe('Two-step sign-in is on for your Liaison account');
    await expectRefusal(startTwoStepEnrolment(ctx.deps, principal), 'conflict');
    // Needs a session: a principal without one is refused.
    await expectRefusal(startTwoStepEnrolment(ctx.deps, person.principal), 'unauthenticated');
  });

  it('signs in with a code, or a recovery code once, opening a session only then', async () => {
    const { person, secret, recoveryCodes, confirmedWith } = await enrolled();
    const pending = await pendingFor(person.user.email);
    expect(await ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', person.user.id).execute()).toHaveLength(1);
    await expectRefusal(completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: pending, code: wrongCodeFor(secret) }), 'invalid_code');
    // The code that turned it on is used up, whatever pending sign-in brings it.
    await expectRefusal(completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: pending, code: confirmedWith }), 'invalid_code');
    const next = codeFor(secret, 30);
    const done = await completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: pending, code: next });
    expect(done.user.id).toBe(person.user.id);
    await expectRefusal(completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: pending, code: next }), 'sign_in_expired');
    // And a code that signed in once does not sign in again.
    await expectRefusal(completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: await pendingFor(person.user.email), code: next }), 'invalid_code');

    const withRecovery = await completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: await pendingFor(person.user.email), recoveryCode: ` ${recoveryCodes[3]!.toUpperCase()} ` });
    expect(withRecovery.user.id).toBe(person.user.id);
    await expectRefusal(completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: await pendingFor(person.user.email), recoveryCode: recoveryCodes[3]! }), 'invalid_code');
  });

  it('refuses an expired pending sign-in', async () => {
    const { person, secret } = await enrolled();
    const pending = await pendingFor(person.user.email);
    await ctx.db.updateTable('pending_sign_ins').set({ expires_at: new Date(Date.now() - 1).toISOString() }).where('user_id', '=', person.user.id).execute();
    await expectRefusal(completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: pending, code: codeFor(secret) }), 'sign_in_expired');
  });

  it('limits wrong codes per person, whatever the pending sign-in', async () => {
    const { person, secret } = await enrolled();
    for (let i = 0; i < CODE_LIMITS.perUser; i++) {
      await expectRefusal(completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: await pendingFor(person.user.email), code: wrongCodeFor(secret) }), 'invalid_code');
    }
    const pending = await pendingFor(person.user.email);
    await expectRefusedWithoutChange(ctx.db, () => completeTwoStepSignIn(ctx.deps, ANONYMOUS, { pendingToken: pending, code: codeFor(secret) }), 'rate_limited');
  });

  it('turns two-step sign-in off only with the password, dropping the recovery codes', async () => {
    const { person } = await enrolled();
    const principal = await signedIn(ctx, person);
    await expectRefusedWithoutChange(ctx.db, () => turnOffTwoStep(ctx.deps, principal, { password: 'not-the-password' }), 'invalid_credentials');
    await turnOffTwoStep(ctx.deps, principal, { password: PASSWORD });
    expect(await findTwoStep(ctx.db, person.user.id)).toEqual({ secret: null, enabledAt: null, pendingSecret: null });
    expect(await ctx.db.selectFrom('recovery_codes').selectAll().where('user_id', '=', person.user.id).execute()).toEqual([]);
    const actions = (await ctx.db.selectFrom('security_log').select('action').where('user_id', '=', person.user.id).orderBy('id').execute()).map((e) => e.action);
    expect(actions).toEqual(['two_step.enabled', 'two_step.disabled']);
    expect((await signIn(ctx.deps, ANONYMOUS, { email: person.user.email, password: PASSWORD, address: '192.0.2.1' })).step).toBe('done');
    await expectRefusal(turnOffTwoStep(ctx.deps, principal, { password: PASSWORD }), 'conflict');
  });
});
