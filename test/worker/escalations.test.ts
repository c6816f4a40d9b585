import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationalSupport } from '../../src/domain/contact-info';
import { supportStatus } from '../../src/domain/support-hours';
import type { CaughtMail } from '../../src/mail/catcher';
import { formatSupportTime } from '../../src/mail/templates';
import { openStorage } from '../../src/storage/db';
import { loadConfig } from '../../src/app/config';
import { runDueEscalations } from '../../src/worker/escalation-worker';
import { escalateNotification } from '../../src/commands/escalate-notification';
import { DEFAULT_ESCALATION_TIMING } from '../../src/domain/escalation';
import { SYSTEM } from '../../src/domain/principal';
import { claimDueEscalations } from '../../src/storage/escalations';
import { completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS, TEST_DATABASE_URL } from '../support/storage';

const log = { info() {}, warn() {}, error() {} };
const MINUTE = 60_000;

/**
 * Escalation of emergencies nobody acknowledges. Due times come from the database clock; the
 * tests inject `now` into the step processing (runDueEscalations) to stand at a later time,
 * while leases keep the database clock.
 */
describe('escalation settings', () => {
  it('reads LIAISON_ESCALATE_AFTER_MINUTES and LIAISON_ESCALATE_OPERATORS_AFTER_MINUTES (15 minutes each unless set)', () => {
    expect(loadConfig({})).toMatchObject({ escalateAfterMs: 15 * MINUTE, escalateOperatorsAfterMs: 15 * MINUTE });
    expect(loadConfig({ LIAISON_ESCALATE_AFTER_MINUTES: '5', LIAISON_ESCALATE_OPERATORS_AFTER_MINUTES: '45' })).toMatchObject({
      escalateAfterMs: 5 * MINUTE,
      escalateOperatorsAfterMs: 45 * MINUTE,
    });
    expect(() => loadConfig({ LIAISON_ESCALATE_AFTER_MINUTES: '0' })).toThrow(/LIAISON_ESCALATE_AFTER_MINUTES must be a number of minutes from 1 to 1440/);
  });
});

describe.each(DIALECTS)('emergency acknowledgement and escalation on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;
  let token: string;
  const oncall = `oncall.${dialect}@partner.example`;
  const cto = `cto.${dialect}@partner.example`;
  const operatorEmail = `ops.${dialect}@liaison.test`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: operatorEmail, name: 'Olga Operator', isOperator: true });
    operator = await signInAs(t, operatorEmail);
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Bookings' });
    const saved = await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, {
      ...completeDocument(account.adminId),
      technicalEmergencyContacts: [{ email: oncall, locale: 'pl' }, { email: cto }],
      operationalContactsForPlatform: [{ email: `ops.${dialect}@partner.example` }, { email: `wsparcie.${dialect}@partner.example`, locale: 'pl' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    token = (await operator.request('POST', '/api/v1/operator/service-tokens', { name: 'Monitoring' })).json().token;
    await t.deliverMail();
  });
  afterAll(() => t.close());

  const raise = async (category = 'emergency', title = 'Payments down') => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/notifications`,
      headers: { authorization: `Bearer ${token}` },
      payload: { category, env: 'production', title, body: 'Every payment fails' },
    });
    expect(response.statusCode, response.body).toBe(202);
    return response.json().id as string;
  };
  /** Runs the escalation steps due at `minutes` from now (the injected clock). */
  const runAt = (minutes: number) => runDueEscalations({ deps: t.deps, log, now: new Date(Date.now() + minutes * MINUTE).toISOString() });
  const mailSince = async (since: number) => (await t.deliverMail()).slice(since);
  const ackToken = (mail: CaughtMail) => {
    const match = /\/ack\/([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no Acknowledge link in: ${mail.text}`);
    return match[1]!;
  };
  const mailTo = (mails: CaughtMail[], email: string) => mails.find((m) => m.envelopeTo.includes(email))!;
  const item = async (id: string) =>
    (await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=200`)).json().items.find((n: { id: string }) => n.id === id);
  const acknowledge = (ack: string) => t.app.inject({ method: 'POST', url: `/api/v1/acknowledgements/${ack}` });

  it('acknowledged in time: a GET acknowledges nothing, the first POST records who and when, and nothing escalates', async () => {
    const before = t.inbox.length;
    const id = await raise();
    const first = await mailSince(before);
    expect(first.flatMap((m) => m.envelopeTo).sort()).toEqual([cto, oncall].sort());
    expect(mailTo(first, cto).text).toContain('Acknowledge: ');
    const ctoToken = ackToken(mailTo(first, cto));
    expect(ackToken(mailTo(first, oncall))).not.toBe(ctoToken);

    // What a mail scanner or link preview does: fetch the link (the page and its data).
    const page = await t.app.inject({ method: 'GET', url: `/ack/${ctoToken}` });
    expect(page.statusCode).toBeLessThan(500);
    const peek = await t.app.inject({ method: 'GET', url: `/api/v1/acknowledgements/${ctoToken}` });
    expect(peek.statusCode, peek.body).toBe(200);
    expect(peek.json()).toMatchObject({ accountName: 'Acme Bookings', title: 'Payments down', recipient: cto, acknowledgedAt: null });
    expect(await item(id)).toMatchObject({ acknowledgedAt: null, acknowledgedBy: null, escalation: { status: 'pending', step: 1 } });

    const acked = await acknowledge(ctoToken);
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json()).toMatchObject({ acknowledgedNow: true, acknowledgedBy: cto });
    const again = await acknowledge(ackToken(mailTo(first, oncall)));
    expect(again.json()).toMatchObject({ acknowledgedNow: false, acknowledgedBy: cto, acknowledgedAt: acked.json().acknowledgedAt });

    expect(await runAt(16)).toBe(0);
    expect(await runAt(45)).toBe(0);
    expect(await mailSince(before + first.length)).toEqual([]);
    const shown = await item(id);
    expect(shown).toMatchObject({ acknowledgedBy: cto, escalation: { status: 'acknowledged', resentAt: null, operatorsAlertedAt: null } });
    expect(shown.acknowledgedAt).toBe(acked.json().acknowledgedAt);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/acknowledgements/not-a-real-token-at-all' })).statusCode).toBe(404);
  });

  it('never acknowledged: sent again to the emergency contacts and admins, then operators are alerted, each once', async () => {
    const id = await raise('emergency', 'Checkout broken');
    let seen = (await t.deliverMail()).length;
    expect(await runAt(14)).toBe(0);

    expect(await runAt(16)).toBe(1);
    expect(await runAt(16)).toBe(0);
    const resent = await mailSince(seen);
    seen += resent.length;
    expect(resent.flatMap((m) => m.envelopeTo).sort()).toEqual([account.adminEmail, cto, oncall].sort());
    expect(mailTo(resent, cto).text).toContain('Sent again: nobody has acknowledged this emergency yet.');
    // Each in its reader's language (the Polish contact's in Polish).
    expect(mailTo(resent, oncall).text).toContain('Wysłano ponownie: nikt nie potwierdził jeszcze przyjęcia tej sytuacji awaryjnej.');
    expect(mailTo(resent, account.adminEmail).text).toContain('you are an admin of Acme Bookings');
    expect(mailTo(resent, account.adminEmail).text).toContain('/ack/');
    const afterResend = await item(id);
    expect(afterResend.escalation).toMatchObject({ status: 'pending', step: 2 });
    expect(afterResend.deliveries.filter((d: { escalated: boolean }) => d.escalated)).toHaveLength(3);

    expect(await runAt(30)).toBe(0);
    expect(await runAt(32)).toBe(1);
    expect(await runAt(120)).toBe(0);
    const alerted = await mailSince(seen);
    expect(alerted.flatMap((m) => m.envelopeTo)).toEqual([operatorEmail]);
    expect(alerted[0]!.text).toContain('Escalated to the platform operators');
    // Operators' alerts are not among the account's deliveries.
    expect((await item(id)).deliveries).toHaveLength(5);
    expect((await item(id)).escalation).toMatchObject({ status: 'done' });

    const dashboard = await operator.request('GET', '/api/v1/operator/escalations?open=true');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const row = dashboard.json().items.find((e: { notificationId: string }) => e.notificationId === id);
    expect(row).toMatchObject({ accountName: 'Acme Bookings', title: 'Checkout broken', status: 'done', acknowledgedAt: null });
    expect(row.operatorsAlertedAt).not.toBeNull();
    expect((await account.admin.request('GET', '/api/v1/operator/escalations')).statusCode).toBe(404);

    // The operator acknowledges from the alert: shown to the account.
    expect((await acknowledge(ackToken(alerted[0]!))).json()).toMatchObject({ acknowledgedNow: true, acknowledgedBy: operatorEmail });
    expect(await item(id)).toMatchObject({ acknowledgedBy: operatorEmail });
    const open = (await operator.request('GET', '/api/v1/operator/escalations?open=true')).json().items;
    expect(open.some((e: { notificationId: string }) => e.notificationId === id)).toBe(false);
  });

  it('acknowledged between the steps: the re-send happened, the operators are never alerted', async () => {
    const id = await raise('emergency', 'Refunds stuck');
    let seen = (await t.deliverMail()).length;
    expect(await runAt(16)).toBe(1);
    const resent = await mailSince(seen);
    seen += resent.length;
    const acked = await acknowledge(ackToken(mailTo(resent, account.adminEmail)));
    expect(acked.json()).toMatchObject({ acknowledgedNow: true, acknowledgedBy: account.adminEmail });
    expect(await runAt(32)).toBe(0);
    expect(await runAt(120)).toBe(0);
    expect(await mailSince(seen)).toEqual([]);
    expect((await item(id)).escalation).toMatchObject({ status: 'acknowledged', operatorsAlertedAt: null });
    expect((await item(id)).escalation.resentAt).not.toBeNull();
  });

  it('an acknowledgement between a worker\'s claim and its completion stops the step: nothing is written or sent', async () => {
    const id = await raise('emergency', 'Claimed then acknowledged');
    const first = await mailSince((await t.deliverMail()).length - 2);
    const [claimed] = await claimDueEscalations(t.storage.db, { limit: 10, leaseMs: 30_000, now: new Date(Date.now() + 16 * MINUTE).toISOString() });
    expect(claimed).toMatchObject({ notificationId: id, step: 1 });
    expect((await acknowledge(ackToken(first[0]!))).json()).toMatchObject({ acknowledgedNow: true });
    const seen = (await t.deliverMail()).length;
    expect(await escalateNotification(t.deps, SYSTEM, { claimed: claimed!, timing: DEFAULT_ESCALATION_TIMING })).toEqual({ ran: false });
    expect(await mailSince(seen)).toEqual([]);
    expect((await item(id)).escalation).toMatchObject({ status: 'acknowledged', resentAt: null });
    expect((await item(id)).deliveries.filter((d: { escalated: boolean }) => d.escalated)).toEqual([]);
  });

  it('a step whose lease was taken over by another worker writes nothing: only the lease holder completes it', async () => {
    const id = await raise('emergency', 'Lease lost');
    await t.deliverMail();
    const later = new Date(Date.now() + 16 * MINUTE).toISOString();
    const [stale] = await claimDueEscalations(t.storage.db, { limit: 10, leaseMs: 30_000, now: later });
    // Its lease runs out (as if the worker hung); another worker claims the step.
    await t.storage.db.updateTable('escalations').set({ lease_until: new Date(Date.now() - MINUTE).toISOString() }).where('notification_id', '=', id).execute();
    const [fresh] = await claimDueEscalations(t.storage.db, { limit: 10, leaseMs: 30_000, now: later });
    expect(fresh!.leaseToken).not.toBe(stale!.leaseToken);
    expect(await escalateNotification(t.deps, SYSTEM, { claimed: stale!, timing: DEFAULT_ESCALATION_TIMING })).toEqual({ ran: false });
    expect(await escalateNotification(t.deps, SYSTEM, { claimed: fresh!, timing: DEFAULT_ESCALATION_TIMING })).toMatchObject({ ran: true, step: 1 });
    expect((await item(id)).deliveries.filter((d: { escalated: boolean }) => d.escalated)).toHaveLength(3);
    await acknowledge(ackToken((await t.deliverMail()).at(-1)!));
  });

  it('user escalations say whether support is open now and, if not, when it opens, in the support window\'s zone', async () => {
    const before = t.inbox.length;
    const id = await raise('user_escalation', 'A user cannot pay');
    const arrived = await mailSince(before);
    const mail = arrived.find((m) => m.envelopeTo[0]!.startsWith('ops.'));
    const polish = arrived.find((m) => m.envelopeTo[0]!.startsWith('wsparcie.'))!;
    const support = completeDocument(account.adminId).operationalSupport as OperationalSupport;
    const expected = supportStatus(support);
    const shown = await item(id);
    expect(shown.supportStatus).toMatchObject({ openNow: expected.openNow, timeZone: 'Europe/Warsaw' });
    if (expected.openNow) expect(mail!.text).toContain('The user support of Acme Bookings is open now.');
    else expect(mail!.text).toContain(`It opens ${formatSupportTime('en', shown.supportStatus.nextChangeAt, 'Europe/Warsaw')}.`);
    if (expected.openNow) expect(polish.text).toContain('Wsparcie dla użytkowników konta Acme Bookings jest teraz dostępne.');
    else expect(polish.text).toContain(`Będzie dostępne od: ${formatSupportTime('pl', shown.supportStatus.nextChangeAt, 'Europe/Warsaw')}.`);
    expect(shown.escalation).toBeNull();
    expect(mail!.text).not.toContain('/ack/');
  });

  it.runIf(dialect === 'postgres')('two workers on their own connections run each step once: every escalation email is sent once', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await raise('emergency', `Outage ${i}`));
    let seen = (await t.deliverMail()).length;
    const other = openStorage(TEST_DATABASE_URL, { schema: t.storage.schema, poolSize: 5 });
    const otherDeps = { ...t.deps, storage: other };
    const runBoth = async (minutes: number) => {
      const now = new Date(Date.now() + minutes * MINUTE).toISOString();
      const counts = await Promise.all([
        runDueEscalations({ deps: t.deps, log, now, batchSize: 1 }),
        runDueEscalations({ deps: otherDeps, log, now, batchSize: 1 }),
        runDueEscalations({ deps: t.deps, log, now, batchSize: 2 }),
        runDueEscalations({ deps: otherDeps, log, now, batchSize: 2 }),
      ]);
      return counts.reduce((a, b) => a + b, 0);
    };
    try {
      expect(await runBoth(16)).toBe(ids.length);
      const resent = await mailSince(seen);
      seen += resent.length;
      expect(await runBoth(32)).toBe(ids.length);
      const alerted = await mailSince(seen);
      for (const [index] of ids.entries()) {
        const of = (mails: CaughtMail[]) => mails.filter((m) => m.subject.endsWith(`: Outage ${index}`)).flatMap((m) => m.envelopeTo).sort();
        expect(of(resent)).toEqual([account.adminEmail, cto, oncall].sort());
        expect(of(alerted)).toEqual([operatorEmail]);
      }
    } finally {
      await other.close();
    }
  });
});
