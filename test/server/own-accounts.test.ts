import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_LIMITS } from '../../src/commands/complete-two-step-sign-in';
import { createTestApp, createUser, PASSWORD, signInAs, type Client, type TestApp } from '../support/app';
import { createAccountWithAdmin, invitationToken, uniqueEmail } from '../support/accounts';
import { DIALECTS } from '../support/storage';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const NEW_PASSWORD = 'a-brand-new-password';

const codeFor = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });

/** A code that is not valid now (nor one step either side). */
const wrongCodeFor = (secret: string) => {
  const valid = new Set([-30, 0, 30].map((o) => codeFor(secret, o)));
  let code = '000000';
  for (let i = 0; valid.has(code); i++) code = String(i).padStart(6, '0');
  return code;
};

describe.each(DIALECTS)("people's own accounts on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const signIn = (email: string, password = PASSWORD, userAgent = CHROME, ip = '10.7.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, headers: { 'user-agent': userAgent }, remoteAddress: ip });
  const clientOf = (response: Awaited<ReturnType<typeof signIn>>): Client => {
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrfToken = response.json().csrfToken as string;
    return {
      cookie,
      csrfToken,
      request: (method, url, body, headers = {}) =>
        t.app.inject({ method: method as 'GET', url, headers: { cookie, 'x-csrf-token': csrfToken, 'user-agent': CHROME, ...headers }, ...(body === undefined ? {} : { payload: body as object }) }),
    };
  };
  const requestReset = (email: string, ip = '10.8.0.1') => t.app.inject({ method: 'POST', url: '/api/v1/session/password-reset', payload: { email }, remoteAddress: ip });
  /** The newest message to `email` with `subject` (workers deliver in no particular order). */
  const mailTo = async (email: string, subject: string) => {
    const mail = (await t.deliverMail()).filter((m) => m.envelopeTo.includes(email) && m.subject === subject).at(-1);
    if (!mail) throw new Error(`no "${subject}" to ${email}`);
    return mail;
  };
  const resetTokenOf = async (email: string) => {
    const mail = await mailTo(email, 'Reset your Liaison password');
    const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no reset link in ${mail.text}`);
    return match[1]!;
  };
  const completeReset = (token: string, password = NEW_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session/password-reset/complete', payload: { token, password } });

  /** Turns two-step sign-in on for a signed-in person; returns the secret and recovery codes. */
  async function enrol(client: Client) {
    const setup = await client.request('POST', '/api/v1/profile/two-step/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, otpauthUri, qrCode } = setup.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const confirmed = await client.request('POST', '/api/v1/profile/two-step/confirm', { code: codeFor(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    return { secret: secret as string, recoveryCodes };
  }

  it('resets a forgotten password by email: a single-use link that ends every session', async () => {
    const email = uniqueEmail('forgetful');
    await createUser(t, { email });
    const first = clientOf(await signIn(email));
    const second = clientOf(await signIn(email, PASSWORD, FIREFOX));

    expect((await requestReset(email)).statusCode).toBe(202);
    expect((await mailTo(email, 'Reset your Liaison password')).text).toContain('expires in one hour');
    const token = await resetTokenOf(email);
    // Only the hash is stored.
    const rows = await t.storage.db.selectFrom('password_resets').selectAll().execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);

    expect((await completeReset(token)).statusCode).toBe(204);
    // Every session of the person ended; the new password works, the old one not.
    expect((await first.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await second.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await signIn(email)).statusCode).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
    // Used once only.
    const reused = await completeReset(token, 'yet-another-password');
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('reset_link_invalid');
    // The person is told, and the change is in their security log.
    await mailTo(email, 'Your Liaison password was changed');
    const me = clientOf(await signIn(email, NEW_PASSWORD));
    const log = (await me.request('GET', '/api/v1/profile/security-log')).json();
    expect(log.items.map((e: { action: string }) => e.action)).toContain('password.reset');
  });

  it('refuses an expired reset link', async () => {
    const email = uniqueEmail('late');
    const user = await createUser(t, { email });
    await requestReset(email, '10.8.0.2');
    const token = await resetTokenOf(email);
    await t.storage.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).execute();
    const response = await completeReset(token);
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe('reset_link_invalid');
    expect((await signIn(email)).statusCode).toBe(200);
  });

  it('answers alike whether or not an address has an account, and limits requests per email and per address', async () => {
    const before = (await t.deliverMail()).length;
    const unknown = await requestReset(uniqueEmail('nobody'), '10.8.1.1');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe('');
    expect((await t.deliverMail()).length).toBe(before);

    const email = uniqueEmail('eager');
    await createUser(t, { email });
    for (let i = 0; i < 3; i++) expect((await requestReset(email, `10.8.2.${i}`)).statusCode).toBe(202);
    const limited = await requestReset(email, '10.8.2.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();

    for (let i = 0; i < 10; i++) expect((await requestReset(uniqueEmail('spray'), '10.8.3.1')).statusCode).toBe(202);
    expect((await requestReset(uniqueEmail('spray'), '10.8.3.1')).statusCode).toBe(429);
  });

  it('shows the profile with the sessions, and signs one or all others out', async () => {
    const email = uniqueEmail('profiled');
    await createUser(t, { email, name: 'Pat' });
    const here = clientOf(await signIn(email));
    const there = clientOf(await signIn(email, PASSWORD, FIREFOX, '10.7.0.2'));
    const elsewhere = clientOf(await signIn(email, PASSWORD, FIREFOX, '10.7.0.3'));
    const profile = (await here.request('GET', '/api/v1/profile')).json();
    expect(profile.user).toMatchObject({ email, name: 'Pat' });
    expect(profile.twoStep).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    expect(profile.sessions).toHaveLength(3);
    const current = profile.sessions.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({ device: 'Chrome 131 · Linux', address: '10.7.0.1' });
    const firefox = profile.sessions.find((s: { address: string }) => s.address === '10.7.0.2');
    expect(firefox.device).toBe('Firefox 133 · Windows 10');

    expect((await here.request('DELETE', `/api/v1/profile/sessions/${firefox.id}`)).statusCode).toBe(204);
    expect((await there.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await elsewhere.request('GET', '/api/v1/session')).statusCode).toBe(200);
    expect((await here.request('DELETE', `/api/v1/profile/sessions/${firefox.id}`)).statusCode).toBe(404);

    expect((await here.request('DELETE', '/api/v1/profile/sessions')).statusCode).toBe(204);
    expect((await elsewhere.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await here.request('GET', '/api/v1/profile')).json().sessions).toHaveLength(1);

    const renamed = await here.request('PATCH', '/api/v1/profile', { name: 'Pat Doe', locale: 'pl' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().user).toMatchObject({ name: 'Pat Doe', locale: 'pl' });
    const empty = await here.request('PATCH', '/api/v1/profile', { name: '  ' });
    expect(empty.statusCode).toBe(400);
  });

  it('changes the password with the current one, ending the other sessions, with a notice', async () => {
    const email = uniqueEmail('changer');
    await createUser(t, { email });
    const here = clientOf(await signIn(email));
    const there = clientOf(await signIn(email, PASSWORD, FIREFOX));
    const wrong = await here.request('POST', '/api/v1/profile/password', { currentPassword: 'not-it', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    const short = await here.request('POST', '/api/v1/profile/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect((await here.request('POST', '/api/v1/profile/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await here.request('GET', '/api/v1/session')).statusCode).toBe(200);
    expect((await there.request('GET', '/api/v1/session')).statusCode).toBe(401);
    await mailTo(email, 'Your Liaison password was changed');
  });

  it('sends a notice for a sign-in from a device not seen before, once', async () => {
    const email = uniqueEmail('traveller');
    await createUser(t, { email });
    await signIn(email);
    const count = async () => (await t.deliverMail()).filter((m) => m.envelopeTo.includes(email) && m.subject === 'New sign-in to your Liaison account').length;
    expect(await count()).toBe(1);
    await signIn(email);
    expect(await count()).toBe(1);
    await signIn(email, PASSWORD, FIREFOX);
    expect(await count()).toBe(2);
    const mail = (await t.deliverMail()).filter((m) => m.envelopeTo.includes(email)).at(-1)!;
    expect(mail.text).toContain('Firefox 133 · Windows 10');
  });

  it('turns two-step sign-in on, then signs in with a code, a recovery code once, and refuses a wrong one', async () => {
    const email = uniqueEmail('careful');
    await createUser(t, { email });
    const client = clientOf(await signIn(email));
    const wrongSetup = await client.request('POST', '/api/v1/profile/two-step/confirm', { code: '123456' });
    expect(wrongSetup.statusCode).toBe(409);
    const setup = (await client.request('POST', '/api/v1/profile/two-step/setup')).json();
    const wrong = await client.request('POST', '/api/v1/profile/two-step/confirm', { code: wrongCodeFor(setup.secret) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('invalid_code');
    const confirmedWith = codeFor(setup.secret);
    const confirmed = await client.request('POST', '/api/v1/profile/two-step/confirm', { code: confirmedWith });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await mailTo(email, 'Two-step sign-in is on for your Liaison account');
    const stored = await t.storage.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.some((r) => recoveryCodes.includes(r.code_hash))).toBe(false);
    expect((await client.request('GET', '/api/v1/profile')).json().twoStep).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });

    // The password alone opens no session.
    const pending = await signIn(email);
    expect(pending.statusCode).toBe(202);
    expect(pending.cookies).toHaveLength(0);
    const { pendingToken, codeRequired } = pending.json();
    expect(codeRequired).toBe(true);
    const second = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/session/two-step', payload: { pendingToken, ...body }, headers: { 'user-agent': CHROME } });
    const bad = await second({ code: wrongCodeFor(setup.secret) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('invalid_code');
    // The code used to turn it on is used up: the next one (30 s on, within the accepted drift) signs in.
    const replayed = await second({ code: confirmedWith });
    expect(replayed.statusCode).toBe(422);
    const good = await second({ code: codeFor(setup.secret, 30) });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.cookies[0]).toMatchObject({ name: 'liaison_session', httpOnly: true });
    expect(good.json().user.email).toBe(email);
    // The pending sign-in is used up.
    expect((await second({ code: codeFor(setup.secret) })).statusCode).toBe(410);

    // A recovery code works once.
    const again = (await signIn(email)).json().pendingToken;
    const withRecovery = await t.app.inject({ method: 'POST', url: '/api/v1/session/two-step', payload: { pendingToken: again, recoveryCode: recoveryCodes[0].toUpperCase() } });
    expect(withRecovery.statusCode).toBe(200);
    const third = (await signIn(email)).json().pendingToken;
    const reused = await t.app.inject({ method: 'POST', url: '/api/v1/session/two-step', payload: { pendingToken: third, recoveryCode: recoveryCodes[0] } });
    expect(reused.statusCode).toBe(422);
    const me = clientOf(good);
    expect((await me.request('GET', '/api/v1/profile')).json().twoStep.recoveryCodesLeft).toBe(9);
    const actions = (await me.request('GET', '/api/v1/profile/security-log')).json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['two_step.enabled', 'sign_in.recovery_code']));

    // Turning it off needs the password.
    expect((await me.request('POST', '/api/v1/profile/two-step/disable', { password: 'wrong' })).statusCode).toBe(401);
    expect((await me.request('POST', '/api/v1/profile/two-step/disable', { password: PASSWORD })).statusCode).toBe(204);
    await mailTo(email, 'Two-step sign-in is off for your Liaison account');
    expect((await signIn(email)).statusCode).toBe(200);
  });

  it('limits code attempts per person, across pending sign-ins', async () => {
    const email = uniqueEmail('guessed');
    await createUser(t, { email });
    const { secret } = await enrol(clientOf(await signIn(email)));
    const attempt = async (code: string) => {
      const pendingToken = (await signIn(email)).json().pendingToken;
      return t.app.inject({ method: 'POST', url: '/api/v1/session/two-step', payload: { pendingToken, code } });
    };
    for (let i = 0; i < CODE_LIMITS.perUser; i++) expect((await attempt(wrongCodeFor(secret))).statusCode).toBe(422);
    const limited = await attempt(codeFor(secret));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // An unknown or forged pending token is simply expired.
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/session/two-step', payload: { pendingToken: 'forged', code: '123456' } });
    expect(forged.statusCode).toBe(410);
    expect(forged.json().error.code).toBe('sign_in_expired');
  });

  it("lets an account's admins require two-step sign-in: its users are led to enrol", async () => {
    await createUser(t, { email: 'ops-2fa@liaison.test', isOperator: true });
    const operator = await signInAs(t, 'ops-2fa@liaison.test');
    const account = await createAccountWithAdmin(t, operator);
    const email = uniqueEmail('member');
    await createUser(t, { email });
    expect((await account.admin.request('POST', `/api/v1/accounts/${account.id}/users`, { email, role: 'viewer' })).statusCode).toBe(201);
    const member = clientOf(await signIn(email));
    expect((await member.request('GET', '/api/v1/session')).json().twoStepEnrolmentRequired).toBe(false);
    const refused = await member.request('PUT', `/api/v1/accounts/${account.id}/two-step-requirement`, { required: true });
    expect(refused.statusCode).toBe(403);

    // Its author uses two-step sign-in first: the requirement binds them too.
    const early = await account.admin.request('PUT', `/api/v1/accounts/${account.id}/two-step-requirement`, { required: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('two_step_setup_first');
    await enrol(account.admin);
    const required = await account.admin.request('PUT', `/api/v1/accounts/${account.id}/two-step-requirement`, { required: true });
    expect(required.statusCode, required.body).toBe(200);
    expect((await account.admin.request('GET', `/api/v1/accounts/${account.id}/two-step-requirement`)).json()).toEqual({ required: true });
    // At once, on the sessions already open: the member can do nothing but enrol (the API says so, not only the web).
    expect((await member.request('GET', '/api/v1/session')).json().twoStepEnrolmentRequired).toBe(true);
    const blocked = await member.request('GET', `/api/v1/accounts/${account.id}/two-step-requirement`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('two_step_enrolment_required');
    expect((await member.request('GET', '/api/v1/accounts')).statusCode).toBe(403);
    expect((await member.request('GET', '/api/v1/profile')).statusCode).toBe(200);
    // The account's audit log names the change (read directly: the onboarding gate keeps the page closed until the contact information is complete).
    const audit = await t.storage.db.selectFrom('audit_log').select('action').where('account_id', '=', account.id).execute();
    expect(audit.map((e) => e.action)).toContain('account.two_step_required');

    const next = clientOf(await signIn(email));
    expect((await next.request('GET', '/api/v1/session')).json().twoStepEnrolmentRequired).toBe(true);
    expect((await next.request('GET', '/api/v1/profile')).json().twoStep.required).toBe(true);
    await enrol(next);
    expect((await next.request('GET', '/api/v1/session')).json().twoStepEnrolmentRequired).toBe(false);
    expect((await next.request('GET', `/api/v1/accounts/${account.id}/two-step-requirement`)).statusCode).toBe(200);
    expect((await member.request('GET', `/api/v1/accounts/${account.id}/two-step-requirement`)).statusCode).toBe(200);

    // Operators: for every operator (its author first sets it up), and they see everyone's security log.
    expect((await operator.request('PUT', '/api/v1/operator/two-step-requirement', { required: true })).statusCode).toBe(409);
    await enrol(operator);
    expect((await operator.request('PUT', '/api/v1/operator/two-step-requirement', { required: true })).json()).toEqual({ required: true });
    await createUser(t, { email: 'ops-later@liaison.test', isOperator: true });
    const laterOperator = await signInAs(t, 'ops-later@liaison.test');
    expect((await laterOperator.request('GET', '/api/v1/session')).json().twoStepEnrolmentRequired).toBe(true);
    expect((await laterOperator.request('GET', '/api/v1/operator/dashboard')).statusCode).toBe(403);
    expect((await member.request('PUT', '/api/v1/operator/two-step-requirement', { required: false })).statusCode).toBe(404);
    const log = await operator.request('GET', `/api/v1/operator/security-log?userId=${(await next.request('GET', '/api/v1/profile')).json().user.id}`);
    expect(log.json().items.map((e: { action: string }) => e.action)).toContain('two_step.enabled');
    expect((await operator.request('PUT', '/api/v1/operator/two-step-requirement', { required: false })).statusCode).toBe(200);
  });

  it('never opens a session from an invitation for someone with two-step sign-in: the code is still due', async () => {
    await createUser(t, { email: 'ops-invite@liaison.test', isOperator: true });
    const operator = await signInAs(t, 'ops-invite@liaison.test');
    // Invited to two accounts before having a password: the first link sets it, the second only confirms it.
    const email = uniqueEmail('invited-careful');
    const tokens: string[] = [];
    for (const name of ['First', 'Second']) {
      const accountName = `${name} ${Date.now()}`;
      const created = await operator.request('POST', '/api/v1/accounts', { name: accountName, integrations: ['reservations_e2e'], adminEmail: email });
      expect(created.statusCode, created.body).toBe(201);
      const invitation = (await t.deliverMail()).find((m) => m.envelopeTo.includes(email) && m.subject.includes(accountName));
      tokens.push(invitationToken(invitation!));
    }
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${tokens[0]}/accept`, payload: { name: 'Careful', password: PASSWORD } });
    expect(first.statusCode, first.body).toBe(200);
    const { secret } = await enrol(clientOf(await signIn(email)));
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${tokens[1]}/accept`, payload: { password: PASSWORD } });
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect(accepted.cookies).toHaveLength(0);
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/session/two-step', payload: { pendingToken: accepted.json().pendingToken, code: codeFor(secret, 30) } });
    expect(done.statusCode).toBe(200);
    expect(done.json().memberships).toHaveLength(2);
  });
});
