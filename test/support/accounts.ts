import { expect } from 'vitest';
import type { CaughtMail } from '../../src/mail/catcher';
import { createUser, PASSWORD, signInAs, type Client, type TestApp } from './app';

let counter = 0;
/** Unique addresses per test, so tests on one database never collide. */
export function uniqueEmail(local: string): string {
  counter += 1;
  return `${local}.${Date.now().toString(36)}${counter}@partner.example`;
}

export function invitationToken(mail: CaughtMail): string {
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1]!;
}

/** The last message delivered to one address. */
export async function lastMailTo(t: TestApp, email: string): Promise<CaughtMail> {
  const inbox = await t.deliverMail();
  const mail = inbox.filter((m) => m.envelopeTo.includes(email)).at(-1);
  if (!mail) throw new Error(`no mail to ${email}; inbox: ${inbox.map((m) => m.envelopeTo.join(',')).join(' | ')}`);
  return mail;
}

export type AccountFixture = { id: string; name: string; admin: Client; adminId: string; adminEmail: string };

/**
 * An account made the way operators make one: created through the API, its first admin invited
 * by email over SMTP, the link accepted.
 */
export async function createAccountWithAdmin(
  t: TestApp,
  operator: Client,
  options: { name?: string; integrations?: string[] } = {},
): Promise<AccountFixture> {
  const adminEmail = uniqueEmail('admin');
  const created = await operator.request('POST', '/api/v1/accounts', {
    name: options.name ?? `Partner ${adminEmail.slice(6, 14)}`,
    integrations: options.integrations ?? ['reservations_e2e'],
    adminEmail,
  });
  expect(created.statusCode, created.body).toBe(201);
  const account = created.json();
  const token = invitationToken(await lastMailTo(t, adminEmail));
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${token}/accept`,
    payload: { name: 'First Admin', password: PASSWORD },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const admin = await signInAs(t, adminEmail);
  return { id: account.id, name: account.name, admin, adminId: accepted.json().user.id, adminEmail };
}

/** Adds an existing user (made directly) to an account with a role, through the API. */
export async function addMember(t: TestApp, account: AccountFixture, role: 'admin' | 'editor' | 'viewer') {
  const email = uniqueEmail(role);
  const user = await createUser(t, { email });
  const response = await account.admin.request('POST', `/api/v1/accounts/${account.id}/users`, { email, role });
  expect(response.statusCode, response.body).toBe(201);
  return { userId: user.id, email, client: await signInAs(t, email) };
}

/** A complete contact-information document (merchant-issue contacts included when `merchant`). */
export function completeDocument(alertUserId: string, options: { merchant?: boolean } = {}) {
  return {
    alertContacts: [{ userId: alertUserId }],
    technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager', phone: '+48 22 123 45 67' }],
    technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }],
    merchantIssueContacts: options.merchant === false ? null : [{ email: 'merchants@partner.example' }],
    operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
    operationalContactForUsers: { email: 'help@brand.example', url: 'https://brand.example/help' },
    operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
  };
}
