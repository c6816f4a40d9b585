import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseDueHeldNotifications } from '../../src/commands/release-held-notifications';
import { completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

const DAY = 24 * 60 * 60 * 1000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe.each(DIALECTS)('business hours and holidays on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;
  const tag = `bh${dialect}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Hours' });
    const doc = {
      ...completeDocument(account.adminId),
      technicalEmergencyContacts: [{ email: `oncall.${tag}@partner.example` }],
      technicalNonEmergencyContacts: [{ email: `dev.${tag}@partner.example` }],
      merchantIssueContacts: [{ email: `merchants.${tag}@partner.example` }],
      // Every day 09:00–17:00 UTC: with today and tomorrow as holidays, support is closed now
      // whatever the time, and opens the day after tomorrow at 09:00 UTC.
      operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '09:00', end: '17:00' }] },
    };
    expect((await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, doc)).statusCode).toBe(200);
    await t.deliverMail();
  });
  afterAll(() => t.close());

  const calendar = () => `/api/v1/accounts/${account.id}/support-calendar`;
  const raise = async (category: string, title: string) => {
    const response = await operator.request('POST', `/api/v1/accounts/${account.id}/notifications`, { category, env: 'production', title });
    expect(response.statusCode, response.body).toBe(202);
    return response.json() as { id: string; held: boolean };
  };
  const notification = async (id: string) =>
    (await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=200`)).json().items.find((n: { id: string }) => n.id === id);
  const subjectsSince = async (before: number, prefix: string) => (await t.deliverMail()).slice(before).map((m) => m.subject).filter((s) => s.includes(prefix));

  it('is off by default: nothing waits', async () => {
    expect((await account.admin.request('GET', calendar())).json()).toEqual({ holdOutsideHours: false, holidays: [] });
    expect((await raise('technical', 'B0 technical')).held).toBe(false);
  });

  it('holds technical and merchant-issue notifications until support opens after the holidays, never emergencies', async () => {
    const now = Date.now();
    const saved = await account.admin.request('PUT', calendar(), {
      holdOutsideHours: true,
      holidays: [{ date: dateOf(now + DAY), name: 'Tomorrow' }, { date: dateOf(now), name: 'Today' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().holidays.map((h: { date: string }) => h.date)).toEqual([dateOf(now), dateOf(now + DAY)]);
    const opensAt = `${dateOf(now + 2 * DAY)}T09:00:00.000Z`;

    // The public support contact says closed, and when it opens.
    const contact = await t.app.inject({ method: 'GET', url: `/api/v1/public/accounts/${account.id}/support-contact` });
    expect(contact.json()).toMatchObject({ openNow: false, nextChangeAt: opensAt });

    const before = t.inbox.length;
    const technical = await raise('technical', 'B1 technical');
    const merchant = await raise('merchant_issue', 'B1 merchant');
    const emergency = await raise('emergency', 'B1 emergency');
    expect([technical.held, merchant.held, emergency.held]).toEqual([true, true, false]);
    expect((await notification(technical.id)).hold).toEqual({ status: 'held', reason: 'business_hours', windowId: null, until: opensAt });
    expect(await subjectsSince(before, 'B1 ')).toEqual([expect.stringContaining('B1 emergency')]);

    expect(await releaseDueHeldNotifications(t.deps, { now: new Date(Date.parse(opensAt) - 1000).toISOString() })).toBe(0);
    expect(await releaseDueHeldNotifications(t.deps, { now: new Date(Date.parse(opensAt) + 1000).toISOString() })).toBe(2);
    expect(await releaseDueHeldNotifications(t.deps, { now: new Date(Date.parse(opensAt) + 2000).toISOString() })).toBe(0);
    const after = await subjectsSince(before, 'B1 ');
    expect(after.filter((s) => s.includes('B1 technical'))).toHaveLength(1);
    expect(after.filter((s) => s.includes('B1 merchant'))).toHaveLength(1);
    expect((await notification(merchant.id)).hold).toMatchObject({ status: 'released', reason: 'business_hours' });
    expect((await notification(merchant.id)).deliveries.map((d: { email: string }) => d.email)).toEqual([`merchants.${tag}@partner.example`]);

    await account.admin.request('PUT', calendar(), { holdOutsideHours: false, holidays: [] });
    const open = await t.app.inject({ method: 'GET', url: `/api/v1/public/accounts/${account.id}/support-contact` });
    expect(open.json().nextChangeAt).not.toBe(opensAt);
  });

  it('imports an iCalendar file into the holidays, keeping dates already listed', async () => {
    await account.admin.request('PUT', calendar(), { holdOutsideHours: false, holidays: [{ date: '2027-12-25', name: 'Our Christmas' }] });
    const ics =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n' +
      'BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20271224\r\nDTEND;VALUE=DATE:20271227\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\n' +
      'END:VCALENDAR\r\n';
    const imported = await account.admin.request('POST', `${calendar()}/import`, { ics });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().holidays).toEqual([
      { date: '2027-12-24', name: 'Christmas' },
      { date: '2027-12-25', name: 'Our Christmas' },
      { date: '2027-12-26', name: 'Christmas' },
    ]);
    const bad = await account.admin.request('POST', `${calendar()}/import`, { ics: 'not a calendar' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'ics', code: 'invalid_value' })]);
  });

  it('refuses bad dates and repeats with 400 and a detail each', async () => {
    const response = await account.admin.request('PUT', calendar(), {
      holdOutsideHours: true,
      holidays: [{ date: '2027-02-30' }, { date: '2027-12-25' }, { date: '2027-12-25' }, { date: '25.12.2027' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['holidays.0.date', 'invalid_value'],
      ['holidays.2.date', 'duplicate'],
      ['holidays.3.date', 'invalid_value'],
    ]);
  });
});
