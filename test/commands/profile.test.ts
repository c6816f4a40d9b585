import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword } from '../../src/commands/change-password';
import { endOtherSessions, endSession } from '../../src/commands/end-sessions';
import { getProfile } from '../../src/commands/get-profile';
import { listOwnSecurityLog, listSecurityLog } from '../../src/commands/list-security-log';
import { verifyPassword } from '../../src/commands/parts/passwords';
import { getAccountTwoStepRequirement, setAccountTwoStepRequirement, setOperatorTwoStepRequirement } from '../../src/commands/set-two-step-requirement';
import { confirmTwoStep, startTwoStepEnrolment } from '../../src/commands/two-step';
import { Secret, TOTP } from 'otpauth';
import { signIn } from '../../src/commands/sign-in';
import { updateProfile } from '../../src/commands/update-profile';
import { ANONYMOUS } from '../../src/domain/principal';
import { isTwoStepRequired } from '../../src/storage/own-access';
import { findCredentials } from '../../src/storage/users';
import {
  addMember,
  auditOf,
  createAccountWithAdmin,
  createCommandContext,
  createPerson,
  deliveriesTo,
  expectRefusal,
  expectRefusedWithoutChange,
  PASSWORD,
  scopeFor,
  signedIn,
  uniqueEmail,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15';

describe.each(DIALECTS)('profile commands on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  it('shows the person, two-step state and live sessions with their device in words; changes name and language', async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('prof'), name: 'Pro' });
    const here = await signedIn(ctx, person, { userAgent: CHROME, address: '192.0.2.5' });
    await signedIn(ctx, person, { userAgent: SAFARI, address: '192.0.2.6' });
    const profile = await getProfile(ctx.deps, here);
    expect(profile.user).toMatchObject({ email: person.user.email, name: 'Pro', locale: null });
    expect(profile.twoStep).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    expect(profile.sessions.map((s) => [s.device, s.address, s.current]).sort()).toEqual([
      ['Chrome 131 · Linux', '192.0.2.5', true],
      ['Safari 17 · macOS Catalina', '192.0.2.6', false],
    ]);
    const updated = await updateProfile(ctx.deps, here, { name: 'Pro Person', locale: 'he' });
    expect(updated.user).toMatchObject({ name: 'Pro Person', locale: 'he' });
    await expectRefusal(getProfile(ctx.deps, ANONYMOUS), 'unauthenticated');
    await expectRefusal(getProfile(ctx.deps, person.principal), 'unauthenticated');
  });

  it('changes the password only with the current one, ending the other sessions', async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('pw') });
    const here = await signedIn(ctx, person);
    await signedIn(ctx, person);
    await expectRefusedWithoutChange(ctx.db, () => changePassword(ctx.deps, here, { currentPassword: 'wrong', newPassword: 'brand-new-password' }), 'invalid_credentials');
    await changePassword(ctx.deps, here, { currentPassword: PASSWORD, newPassword: 'brand-new-password' });
    expect(await verifyPassword((await findCredentials(ctx.db, person.user.email))!.passwordHash, 'brand-new-password')).toBe(true);
    const sessions = await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', person.user.id).execute();
    expect(sessions.map((s) => s.id)).toEqual([here.kind === 'user' ? here.session!.id : '']);
    expect((await deliveriesTo(ctx.db, person.user.email)).at(-1)!.subject).toBe('Your Liaison password was changed');
    expect((await listOwnSecurityLog(ctx.deps, here, { limit: 10 })).items.map((e) => e.action)).toEqual(['password.changed']);
  });

  it('ends one of the person’s own sessions, or every other one; never someone else’s', async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('sess') });
    const stranger = await createPerson(ctx.db, { email: uniqueEmail('stranger') });
    const here = await signedIn(ctx, person);
    await signedIn(ctx, person, { userAgent: SAFARI });
    await signedIn(ctx, person);
    const theirs = await signedIn(ctx, stranger);
    const strangerSession = (await getProfile(ctx.deps, theirs)).sessions[0]!.id;
    await expectRefusedWithoutChange(ctx.db, () => endSession(ctx.deps, here, { sessionId: strangerSession }), 'not_found');
    const safari = (await getProfile(ctx.deps, here)).sessions.find((s) => s.device?.startsWith('Safari'))!;
    await endSession(ctx.deps, here, { sessionId: safari.id });
    expect((await getProfile(ctx.deps, here)).sessions).toHaveLength(2);
    expect(await endOtherSessions(ctx.deps, here)).toBe(1);
    expect((await getProfile(ctx.deps, here)).sessions.map((s) => s.current)).toEqual([true]);
    expect((await getProfile(ctx.deps, theirs)).sessions).toHaveLength(1);
    expect((await listOwnSecurityLog(ctx.deps, here, { limit: 10 })).items.map((e) => e.action)).toEqual(['session.ended_others', 'session.ended']);
  });

  it('tells the person about a sign-in from a device not seen before, once per device', async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('dev') });
    const attempt = (userAgent: string) => signIn(ctx.deps, ANONYMOUS, { email: person.user.email, password: PASSWORD, address: '192.0.2.9', userAgent });
    await attempt(CHROME);
    await attempt(CHROME);
    await attempt(SAFARI);
    const notices = (await deliveriesTo(ctx.db, person.user.email)).filter((d) => d.subject === 'New sign-in to your Liaison account');
    expect(notices).toHaveLength(2);
    expect(notices[1]!.text).toContain('Safari 17 · macOS Catalina');
  });

  /** Turns two-step sign-in on for `principal` as the profile page does. */
  async function enrol(principal: Parameters<typeof startTwoStepEnrolment>[1]) {
    const { secret } = await startTwoStepEnrolment(ctx.deps, principal);
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    await confirmTwoStep(ctx.deps, principal, { code });
  }

  it("requires two-step sign-in of an account's users (admins, audited) and of every operator (operators)", async () => {
    const account = await createAccountWithAdmin(ctx);
    const viewer = await addMember(ctx, account.id, 'viewer');
    const admin = await signedIn(ctx, account.admin);
    const scope = await scopeFor(ctx, admin, account.id, 'users.manage');
    expect(await isTwoStepRequired(ctx.db, viewer.user)).toBe(false);
    // The requirement binds its author too: they use two-step sign-in first.
    await expectRefusal(setAccountTwoStepRequirement(ctx.deps, admin, { scope, required: true }), 'two_step_setup_first');
    expect(await getAccountTwoStepRequirement(ctx.deps, admin, { scope })).toEqual({ required: false });
    await enrol(admin);
    await setAccountTwoStepRequirement(ctx.deps, admin, { scope, required: true });
    expect(await getAccountTwoStepRequirement(ctx.deps, admin, { scope })).toEqual({ required: true });
    expect(await isTwoStepRequired(ctx.db, viewer.user)).toBe(true);
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({ action: 'account.two_step_required', changes: [{ field: 'requireTwoStep', before: false, after: true }] });

    const operator = await createPerson(ctx.db, { email: uniqueEmail('op'), isOperator: true });
    await expectRefusal(setOperatorTwoStepRequirement(ctx.deps, viewer.principal, { required: true }), 'not_found');
    await expectRefusal(setOperatorTwoStepRequirement(ctx.deps, operator.principal, { required: true }), 'two_step_setup_first');
    await enrol(await signedIn(ctx, operator));
    await setOperatorTwoStepRequirement(ctx.deps, operator.principal, { required: true });
    expect(await isTwoStepRequired(ctx.db, operator.user)).toBe(true);
    await setOperatorTwoStepRequirement(ctx.deps, operator.principal, { required: false });
    expect(await isTwoStepRequired(ctx.db, operator.user)).toBe(false);
  });

  it("lets operators read anyone's security log, and nobody else", async () => {
    const person = await createPerson(ctx.db, { email: uniqueEmail('logged') });
    await signIn(ctx.deps, ANONYMOUS, { email: person.user.email, password: PASSWORD, address: '192.0.2.10', userAgent: CHROME });
    const operator = await createPerson(ctx.db, { email: uniqueEmail('op'), isOperator: true });
    const page = await listSecurityLog(ctx.deps, operator.principal, { userId: person.user.id, limit: 10 });
    expect(page.items.map((e) => [e.action, e.device, e.address])).toEqual([['sign_in.new_device', 'Chrome 131 · Linux', '192.0.2.10']]);
    await expectRefusal(listSecurityLog(ctx.deps, person.principal, { limit: 10 }), 'not_found');
  });
});
