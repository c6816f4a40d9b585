import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signInAs, type TestApp } from '../support/app';
import { completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { DIALECTS } from '../support/storage';

/** A small seeded generator, so every run sends the same documents and a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  'a@b.c\r\nBcc: victim@evil.example',
  'ops@partner.example\nSubject: hi',
  '"><img src=x onerror=alert(1)>@x.com',
  "'; drop table accounts; --",
  'x'.repeat(100_000),
  '\u202egnp.exe@partner.example',
  'ab\u0000c@partner.example',
  '@@@',
  '🙂@🙂.🙂',
  '../../etc/passwd',
  '$(whoami)@x.com',
  ' ',
  '',
];

const JUNK: unknown[] = [0, -1, 1e308, true, false, {}, [], [[]], { $gt: '' }, { __proto__: { admin: true } }, 'string', null];

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Documents that must each be refused: one hostile or malformed part inside an otherwise valid document. */
function hostileDocuments(alertUserId: string, count: number): { name: string; body: unknown }[] {
  const r = random(20261122);
  const base = () => structuredClone(completeDocument(alertUserId)) as Record<string, any>;
  const documents: { name: string; body: unknown }[] = [];
  const mutations: [string, (doc: Record<string, any>, value: unknown) => void][] = [
    ['technicalEmergencyContacts', (d, v) => (d.technicalEmergencyContacts = v)],
    ['technicalEmergencyContacts.0', (d, v) => (d.technicalEmergencyContacts[0] = v)],
    ['technicalEmergencyContacts.0.email', (d, v) => (d.technicalEmergencyContacts[0].email = v)],
    ['technicalEmergencyContacts.0.phone', (d, v) => (d.technicalEmergencyContacts[0].phone = v)],
    ['technicalEmergencyContacts.0.name', (d, v) => (d.technicalEmergencyContacts[0].name = v)],
    ['technicalEmergencyContacts.0.locale', (d, v) => (d.technicalEmergencyContacts[0].locale = v)],
    ['technicalNonEmergencyContacts.0.email', (d, v) => (d.technicalNonEmergencyContacts[0].email = v)],
    ['operationalContactsForPlatform', (d, v) => (d.operationalContactsForPlatform = v)],
    ['operationalContactForUsers', (d, v) => (d.operationalContactForUsers = v)],
    ['operationalContactForUsers.email', (d, v) => (d.operationalContactForUsers.email = v)],
    ['operationalContactForUsers.url', (d, v) => (d.operationalContactForUsers.url = v)],
    ['operationalContactForUsers.phone', (d, v) => (d.operationalContactForUsers.phone = v)],
    ['alertContacts', (d, v) => (d.alertContacts = v)],
    ['alertContacts.0.userId', (d, v) => (d.alertContacts[0].userId = v)],
    ['operationalSupport', (d, v) => (d.operationalSupport = v)],
    ['operationalSupport.windows', (d, v) => (d.operationalSupport.windows = v)],
    ['operationalSupport.windows.0.timeZone', (d, v) => (d.operationalSupport.windows[0].timeZone = v)],
    ['operationalSupport.windows.0.days', (d, v) => (d.operationalSupport.windows[0].days = v)],
    ['operationalSupport.windows.0.start', (d, v) => (d.operationalSupport.windows[0].start = v)],
    ['operationalSupport.windows.0.end', (d, v) => (d.operationalSupport.windows[0].end = v)],
    ['operationalSupport.alwaysOpen', (d, v) => (d.operationalSupport.alwaysOpen = v)],
    ['unknown top-level key', (d, v) => (d[`x${String(v).slice(0, 10)}`] = v)],
    ['constructor key', (d, v) => Object.assign(d, { constructor: v })],
  ];
  // Values that are wrong wherever they go (the empty string and null are fine for optional fields).
  const wrong = [...HOSTILE_STRINGS.filter((s) => s.trim() !== ''), ...JUNK.filter((j) => j !== null), nested(40)];
  while (documents.length < count) {
    const [where, apply] = r.pick(mutations);
    const value = r.pick(wrong);
    // Some values are valid in some places (a string name, `true` for alwaysOpen, [] for an optional list).
    const valid =
      (where.endsWith('.name') && typeof value === 'string' && value.length <= 200 && !value.includes('\u0000')) ||
      (where === 'operationalSupport.alwaysOpen' && typeof value === 'boolean') ||
      (where === 'operationalSupport.windows' && Array.isArray(value) && value.length === 0 && false);
    if (valid) continue;
    const body = base();
    apply(body, value);
    documents.push({ name: `${where} = ${JSON.stringify(value)?.slice(0, 40)}`, body });
  }
  // Whole-body junk.
  for (const junk of [[], [completeDocument(alertUserId)], 'a string', 42, nested(60)]) documents.push({ name: `body ${JSON.stringify(junk).slice(0, 30)}`, body: junk });
  return documents;
}

describe.each(DIALECTS)('hostile contact-information documents on %s', (dialect) => {
  let t: TestApp;
  let account: AccountFixture;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    account = await createAccountWithAdmin(t, await signInAs(t, 'ops@liaison.test'));
    // A first valid version, so "nothing stored" means: still exactly this one.
    expect((await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId))).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('answers every one with 400 and details, never a 500, and stores nothing', async () => {
    const before = await t.storage.db.selectFrom('contact_info').selectAll().execute();
    const auditBefore = await t.storage.db.selectFrom('audit_log').select('id').execute();
    const documents = hostileDocuments(account.adminId, 300);
    const statuses = new Map<number, number>();
    for (const { name, body } of documents) {
      // Always a JSON body: scalars too are sent as JSON text.
      const response = await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, JSON.stringify(body), {
        'content-type': 'application/json',
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      expect(response.statusCode, name).toBe(400);
      const { error } = response.json();
      expect(['validation_failed', 'bad_request'], name).toContain(error.code);
      if (error.code === 'validation_failed') {
        expect(error.details.length, name).toBeGreaterThan(0);
        for (const detail of error.details) {
          expect(detail).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.any(String) });
        }
      }
    }
    expect(statuses).toEqual(new Map([[400, documents.length]]));
    expect(await t.storage.db.selectFrom('contact_info').selectAll().execute()).toEqual(before);
    expect(await t.storage.db.selectFrom('audit_log').select('id').execute()).toEqual(auditBefore);
  });
});
