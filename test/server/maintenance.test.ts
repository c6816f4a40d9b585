import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endDueMaintenanceWindows } from '../../src/commands/end-maintenance-window';
import { completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

const MINUTE = 60_000;

describe.each(DIALECTS)('maintenance windows on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Maintenance', integrations: ['reservations_e2e', 'ordering_redirect'] });
    const doc = { ...completeDocument(account.adminId), technicalEmergencyContacts: [{ email: 'oncall.mw@partner.example' }], technicalNonEmergencyContacts: [{ email: 'dev.mw@partner.example' }] };
    expect((await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, doc)).statusCode).toBe(200);
    await t.deliverMail();
  });
  afterAll(() => t.close());

  const windows = () => `/api/v1/accounts/${account.id}/maintenance-windows`;
  const schedule = async (body: Partial<Record<string, string>> = {}) => {
    const response = await account.admin.request('POST', windows(), {
      integration: 'reservations_e2e',
      startsAt: new Date(Date.now() - MINUTE).toISOString(),
      endsAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
      reason: 'Database upgrade',
      atEnd: 'release',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; endsAt: string; status: string };
  };
  const raise = async (category: string, title: string, integration: string | null = 'reservations_e2e') => {
    const response = await operator.request('POST', `/api/v1/accounts/${account.id}/notifications`, { category, env: 'production', title, ...(integration ? { integration } : {}) });
    expect(response.statusCode, response.body).toBe(202);
    return response.json() as { id: string; held: boolean };
  };
  /** Subjects delivered since `before` messages, containing `tag`. */
  const subjectsSince = async (before: number, tag: string) =>
    (await t.deliverMail())
      .slice(before)
      .map((m) => m.subject)
      .filter((s) => s.includes(tag))
      .sort();
  const holdOf = async (id: string) => {
    const list = (await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=200`)).json();
    return list.items.find((n: { id: string }) => n.id === id).hold as { status: string } | null;
  };

  it('holds alert and technical of the integration, lets emergencies and other integrations through, and releases at "End now"', async () => {
    const window = await schedule();
    const before = t.inbox.length;
    const technical = await raise('technical', 'R1 technical');
    const alert = await raise('alert', 'R1 alert');
    const emergency = await raise('emergency', 'R1 emergency');
    const other = await raise('technical', 'R1 other integration', 'ordering_redirect');
    const unnamed = await raise('technical', 'R1 no integration', null);
    expect([technical.held, alert.held, emergency.held, other.held, unnamed.held]).toEqual([true, true, false, false, false]);

    const sentFirst = await subjectsSince(before, 'R1 ');
    expect(sentFirst.some((s) => s.includes('R1 technical') || s.includes('R1 alert'))).toBe(false);
    expect(sentFirst.filter((s) => s.includes('R1 emergency'))).toHaveLength(1);
    expect(sentFirst.filter((s) => s.includes('R1 other integration'))).toHaveLength(1);
    expect(sentFirst.filter((s) => s.includes('R1 no integration'))).toHaveLength(1);
    expect(await holdOf(technical.id)).toEqual({ status: 'held', reason: 'maintenance', windowId: window.id, until: null });
    const listed = (await account.admin.request('GET', windows())).json().items[0];
    expect(listed).toMatchObject({ id: window.id, status: 'scheduled', held: 2, atEnd: 'release', reason: 'Database upgrade' });

    const ended = await account.admin.request('POST', `${windows()}/${window.id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', held: 2 });
    const after = await subjectsSince(before, 'R1 ');
    expect(after.filter((s) => s.includes('R1 technical'))).toHaveLength(1);
    expect(after.filter((s) => s.includes('R1 alert'))).toHaveLength(1);
    expect(await holdOf(alert.id)).toEqual({ status: 'released', reason: 'maintenance', windowId: window.id, until: null });

    const again = await account.admin.request('POST', `${windows()}/${window.id}/end`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    // After the end, nothing is held any more.
    expect((await raise('technical', 'R1 after')).held).toBe(false);
  });

  it('drops what it held when its end comes (job loop on an injected clock), and only then', async () => {
    const window = await schedule({ atEnd: 'drop' });
    const before = t.inbox.length;
    const held = await raise('technical', 'R2 technical');
    expect(held.held).toBe(true);
    expect(await endDueMaintenanceWindows(t.deps, { now: new Date(Date.parse(window.endsAt) - 1000).toISOString() })).toBe(0);
    expect(await endDueMaintenanceWindows(t.deps, { now: new Date(Date.parse(window.endsAt) + 1000).toISOString() })).toBe(1);
    expect(await endDueMaintenanceWindows(t.deps, { now: new Date(Date.parse(window.endsAt) + 2000).toISOString() })).toBe(0);
    expect(await subjectsSince(before, 'R2 ')).toEqual([]);
    expect(await holdOf(held.id)).toEqual({ status: 'dropped', reason: 'maintenance', windowId: window.id, until: null });
    const list = (await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=200`)).json();
    expect(list.items.find((n: { id: string }) => n.id === held.id).deliveries).toEqual([]);
  });

  it('a window that has not started yet holds nothing', async () => {
    const window = await schedule({ startsAt: new Date(Date.now() + 30 * MINUTE).toISOString() });
    expect((await raise('technical', 'R3 early')).held).toBe(false);
    await account.admin.request('POST', `${windows()}/${window.id}/end`);
  });

  it('refuses bad windows with 400 and clear details', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ endsAt: new Date(Date.now() - 2 * MINUTE).toISOString() }, 'endsAt', 'invalid_window'],
      [{ startsAt: new Date(Date.now() - 10 * MINUTE).toISOString(), endsAt: new Date(Date.now() - 5 * MINUTE).toISOString() }, 'endsAt', 'invalid_value'],
      [{ endsAt: new Date(Date.now() + 8 * 24 * 60 * MINUTE).toISOString() }, 'endsAt', 'invalid_window'],
      [{ integration: 'no_such_integration' }, 'integration', 'unknown_integration_type'],
    ];
    for (const [change, path, code] of cases) {
      const response = await account.admin.request('POST', windows(), {
        integration: 'reservations_e2e',
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
        reason: 'x',
        atEnd: 'release',
        ...change,
      });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().error.details).toEqual([expect.objectContaining({ path, code })]);
    }
    for (const body of [{ integration: 'reservations_e2e', startsAt: 'tomorrow', endsAt: 'later', reason: 'x', atEnd: 'release' }, { integration: 'reservations_e2e', startsAt: new Date().toISOString(), endsAt: new Date().toISOString(), reason: 'x', atEnd: 'keep' }]) {
      const response = await account.admin.request('POST', windows(), body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    const unknown = await operator.request('POST', `/api/v1/accounts/${account.id}/notifications`, { category: 'technical', env: 'production', title: 'x', integration: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ path: 'integration', code: 'unknown_integration_type' })]);
    expect((await account.admin.request('POST', `${windows()}/mw_doesnotexist/end`)).statusCode).toBe(404);
  });
});
