import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config';
import { runDueReviews } from '../../src/worker/review-worker';
import { completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

const log = { info() {}, warn() {}, error() {} };
const DAY = 24 * 60 * 60 * 1000;

describe('contact review settings', () => {
  it('reads LIAISON_CONTACT_REVIEW_MONTHS (12 unless set)', () => {
    expect(loadConfig({}).contactReviewIntervalMs).toBe(365 * DAY);
    expect(loadConfig({ LIAISON_CONTACT_REVIEW_MONTHS: '6' }).contactReviewIntervalMs).toBe(365 * DAY / 2);
    expect(() => loadConfig({ LIAISON_CONTACT_REVIEW_MONTHS: '0' })).toThrow(/LIAISON_CONTACT_REVIEW_MONTHS must be a whole number of months from 1 to 60/);
  });
});

/** The yearly review with an injected clock: no sleeping, `now` stands at a later time. */
describe.each(DIALECTS)('contact review on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: `olga.${dialect}@liaison.test`, name: 'Olga', isOperator: true });
    operator = await signInAs(t, `olga.${dialect}@liaison.test`);
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Bookings' });
    const saved = await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId));
    expect(saved.statusCode, saved.body).toBe(200);
    await t.deliverMail();
  });
  afterAll(() => t.close());

  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  const review = async () => (await account.admin.request('GET', `/api/v1/accounts/${account.id}/contact-info`)).json().review;

  it('asks the admins after 12 months (once, with two workers), marks the account stale 30 days later, and one click ends it', async () => {
    const first = await review();
    expect(first).toMatchObject({ stale: false, remindedAt: null });
    expect(Date.parse(first.dueAt) - Date.parse(first.confirmedAt)).toBeGreaterThan(364 * DAY);

    expect(await runDueReviews({ deps: t.deps, log, now: at(300) })).toBe(0);
    const since = t.inbox.length;
    // Two workers at the same moment: the step runs once.
    const ran = await Promise.all([runDueReviews({ deps: t.deps, log, now: at(366) }), runDueReviews({ deps: t.deps, log, now: at(366) })]);
    expect(ran[0] + ran[1]).toBe(1);
    const mails = (await t.deliverMail()).slice(since);
    const reminder = mails.filter((m) => m.envelopeTo.includes(account.adminEmail));
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.subject).toContain('Acme Bookings');
    expect(reminder[0]!.text).toContain(`/accounts/${account.id}/configuration/contact-information#review`);
    expect(await review()).toMatchObject({ stale: false });
    expect((await review()).remindedAt).not.toBeNull();

    expect(await runDueReviews({ deps: t.deps, log, now: at(366 + 29) })).toBe(0);
    expect(await runDueReviews({ deps: t.deps, log, now: at(366 + 31) })).toBe(1);
    expect(await review()).toMatchObject({ stale: true });
    // No lockout: the portal's endpoints still answer.
    expect((await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications`)).statusCode).toBe(200);
    // Operators see it.
    const dashboard = await operator.request('GET', '/api/v1/operator/dashboard');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().contactHealth).toMatchObject({ staleAccounts: 1 });
    expect(dashboard.json().contactHealth.stale.map((s: { accountId: string }) => s.accountId)).toEqual([account.id]);

    const confirmed = await account.admin.request('POST', `/api/v1/accounts/${account.id}/contact-info/review`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ stale: false, staleSince: null, remindedAt: null });
    expect(await review()).toMatchObject({ stale: false });
    const audit = await account.admin.request('GET', `/api/v1/accounts/${account.id}/audit-log`);
    expect(audit.json().items[0]).toMatchObject({ action: 'contact_info.confirmed' });
    // The clock restarted at the confirmation (the real now): nothing is due for another year.
    expect(await runDueReviews({ deps: t.deps, log, now: at(364) })).toBe(0);
  });

  it('refuses the one-click confirmation while the contact information is incomplete (403 contact_info_required) ', async () => {
    const other = await createAccountWithAdmin(t, operator, { name: 'Beta' });
    const response = await operator.request('POST', `/api/v1/accounts/${other.id}/contact-info/review`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('contact_info_required');
  });
});
