import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { AccountDetail, ContactInfoView, MailboxPage, MembersPage, Session } from '../src/web/types';

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
export const OPERATOR = { email: 'operator@liaison.test', password: 'correct-horse-battery-staple' };
export const PASSWORD = 'a-long-enough-passphrase';

export async function screenshot(page: Page, name: string) {
  // From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/**
 * A screenshot of a modal in full: the modal scrolls inside its fixed overlay, which a full-page
 * screenshot cannot see past, so the window is made as tall as the overlay's content meanwhile.
 */
export async function modalScreenshot(page: Page, name: string) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(() => document.querySelector('.modal-overlay')?.scrollHeight ?? document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 6000) });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  await page.setViewportSize(viewport);
}

/**
 * axe-core findings that are serious or critical, in a readable form (empty = pass). The
 * mailbox's email frame is left out: it is sandboxed without scripts, so axe cannot run inside
 * it (and would wait forever), and its content is the email, not the UI under test.
 */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).exclude('iframe.message-html').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

export async function signInThroughPage(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** React Aria's Select is a button named "<value> <label>" that opens a listbox. */
export function picker(page: Page, label: string) {
  return page.getByRole('button', { name: new RegExp(`\\b${label}$`) });
}

/**
 * Ticks or clears a React Aria checkbox the way a person does, by clicking its label (the real
 * input is visually hidden under the drawn box, so Playwright's check() cannot click it).
 */
export async function setChecked(checkbox: Locator, checked: boolean) {
  if ((await checkbox.isChecked()) !== checked) await checkbox.locator('xpath=ancestor::label[1]').click();
  await expect(checkbox).toBeChecked({ checked });
}

/** A suffix that keeps names and emails of one test apart from every other test's. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The operator, signed in through the API in a context of its own (the browser's cookies stay
 * untouched). Used to set the scene; what a test is about goes through the UI.
 */
export class OperatorApi {
  private constructor(
    readonly api: APIRequestContext,
    private readonly csrfToken: string,
  ) {}

  static async signIn(): Promise<OperatorApi> {
    // English whatever the operator last picked: what it sets up (invitations) must not follow another test's language.
    const api = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'Accept-Language': 'en' } });
    const response = await api.post('/api/v1/session', { data: OPERATOR });
    expect(response.status()).toBe(200);
    const session = (await response.json()) as Session;
    return new OperatorApi(api, session.csrfToken);
  }

  /** `locale`: the language of the first admin's invitation (by default, the operator's). */
  async createAccount(name: string, adminEmail: string, integrations = ['reservations_e2e'], locale?: string): Promise<AccountDetail> {
    const response = await this.api.post('/api/v1/accounts', {
      data: { name, integrations, adminEmail, ...(locale ? { locale } : {}) },
      headers: { 'X-CSRF-Token': this.csrfToken },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as AccountDetail;
  }

  /**
   * The path of the newest invitation link mailed to `email` (for `accountName`'s account, when
   * given), waiting for the outbox worker to deliver it.
   */
  async invitationPath(email: string, accountName?: string): Promise<string> {
    let path: string | undefined;
    await expect
      .poll(
        async () => {
          const response = await this.api.get('/api/v1/operator/mailbox?limit=200');
          const page = (await response.json()) as MailboxPage;
          const newestFirst = [...page.items].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
          const message = newestFirst.find(
            (m) => m.to.includes(email) && /\/invite\//.test(m.text) && (!accountName || m.subject.includes(accountName)),
          );
          const url = message?.text.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
          path = url ? new URL(url).pathname : undefined;
          return path;
        },
        { message: `an invitation to ${email} in the mailbox`, timeout: 10_000 },
      )
      .toBeTruthy();
    return path!;
  }

  /** The newest email in the mailbox to `email` (already delivered: see invitationPath). */
  async newestMailTo(email: string): Promise<MailboxPage['items'][number]> {
    const response = await this.api.get('/api/v1/operator/mailbox?limit=200');
    const page = (await response.json()) as MailboxPage;
    const message = [...page.items].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt)).find((m) => m.to.includes(email));
    expect(message, `an email to ${email} in the mailbox`).toBeTruthy();
    return message!;
  }

  /** The account's users, as the operator sees them. */
  async members(accountId: string): Promise<MembersPage['items']> {
    const response = await this.api.get(`/api/v1/accounts/${accountId}/users?limit=200`);
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as MembersPage).items;
  }

  /**
   * Fills in every required contact field through the API (the first admin as alert contact),
   * for tests that are not about the onboarding modal: the account's portal opens at once.
   */
  async completeContactInfo(accountId: string): Promise<ContactInfoView> {
    const admin = (await this.members(accountId)).find((m) => m.role === 'admin');
    expect(admin, 'an admin to be the alert contact').toBeTruthy();
    const current = (await (await this.api.get(`/api/v1/accounts/${accountId}/contact-info`)).json()) as ContactInfoView;
    const response = await this.api.put(`/api/v1/accounts/${accountId}/contact-info`, {
      data: completeDocument([admin!.userId], current.merchantIssueContacts !== null),
      headers: { 'X-CSRF-Token': this.csrfToken, 'If-Match': `"${current.version}"` },
    });
    expect(response.status(), await response.text()).toBe(200);
    const view = (await response.json()) as ContactInfoView;
    expect(view.complete).toBe(true);
    return view;
  }

  /**
   * Forgets the language the operator picked in a browser (a pick is remembered on the user, and
   * every test signs in as the same operator): call after a test that picks one.
   */
  async forgetLanguage() {
    const response = await this.api.patch('/api/v1/session', { data: { locale: null }, headers: { 'X-CSRF-Token': this.csrfToken } });
    expect(response.status(), await response.text()).toBe(200);
  }

  async dispose() {
    await this.api.dispose();
  }
}

/** A whole, valid contact-information document (PUT body). */
export function completeDocument(alertUserIds: string[], withMerchantIssues: boolean) {
  return {
    alertContacts: alertUserIds.map((userId) => ({ userId })),
    technicalEmergencyContacts: [{ email: 'oncall@partner.test', name: 'Pager' }],
    technicalNonEmergencyContacts: [{ email: 'dev@partner.test' }],
    merchantIssueContacts: withMerchantIssues ? [{ email: 'merchants@partner.test' }] : null,
    operationalContactsForPlatform: [{ email: 'ops@partner.test' }],
    operationalContactForUsers: { email: 'help@brand.test', url: 'https://brand.test/help' },
    operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
  };
}

/**
 * The signed-in user of `page`, speaking to the API with the browser's own session cookie and
 * its CSRF token (as the web app does).
 */
export async function browserApi(page: Page) {
  const session = (await (await page.request.get('/api/v1/session')).json()) as Session;
  const headers = { 'X-CSRF-Token': session.csrfToken };
  return {
    session,
    async contactInfo(accountId: string): Promise<ContactInfoView> {
      const response = await page.request.get(`/api/v1/accounts/${accountId}/contact-info`);
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as ContactInfoView;
    },
    async invite(accountId: string, email: string, role: 'admin' | 'editor' | 'viewer') {
      const response = await page.request.post(`/api/v1/accounts/${accountId}/users`, { data: { email, role }, headers });
      expect(response.status(), await response.text()).toBe(201);
    },
    async removeUser(accountId: string, userId: string) {
      const response = await page.request.delete(`/api/v1/accounts/${accountId}/users/${userId}`, { headers });
      expect(response.status(), await response.text()).toBe(204);
    },
    async putContactInfo(accountId: string, body: unknown, version: number) {
      return page.request.put(`/api/v1/accounts/${accountId}/contact-info`, { data: body, headers: { ...headers, 'If-Match': `"${version}"` } });
    },
  };
}

/**
 * Moves the keyboard focus with Tab (Shift+Tab when `backwards`) until `target` has it, as a
 * keyboard user does: no clicks. Fails when it is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  const key = backwards ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached by ${key} within ${max} presses`).toBeFocused();
}

/**
 * A new partner account whose first admin has accepted the invitation in `page`'s browser
 * context: the page is signed in as that admin. Unless `complete` is false, its contact
 * information is filled in through the API, so the portal opens without the onboarding modal.
 */
export async function accountWithSignedInAdmin(page: Page, operator: OperatorApi, label: string, { complete = true } = {}) {
  const suffix = unique();
  const account = await operator.createAccount(`${label} ${suffix}`, `admin-${suffix}@partner.test`);
  const adminEmail = `admin-${suffix}@partner.test`;
  const path = await operator.invitationPath(adminEmail);
  const response = await page.request.post(`/api/v1${path.replace('/invite/', '/invitations/')}/accept`, {
    data: { name: `Admin ${suffix}`, password: PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  if (complete) await operator.completeContactInfo(account.id);
  return { account, adminEmail, adminName: `Admin ${suffix}` };
}
