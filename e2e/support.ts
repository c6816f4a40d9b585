import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { AccountDetail, MailboxPage, Session } from '../src/web/types';

export const BASE_URL = 'http://127.0.0.1:3100';
export const OPERATOR = { email: 'operator@liaison.test', password: 'correct-horse-battery-staple' };
export const PASSWORD = 'a-long-enough-passphrase';

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
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
  await page.getByLabel('Password').fill(password);
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
    const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
    const response = await api.post('/api/v1/session', { data: OPERATOR });
    expect(response.status()).toBe(200);
    const session = (await response.json()) as Session;
    return new OperatorApi(api, session.csrfToken);
  }

  async createAccount(name: string, adminEmail: string, integrations = ['reservations_e2e']): Promise<AccountDetail> {
    const response = await this.api.post('/api/v1/accounts', {
      data: { name, integrations, adminEmail },
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

  async dispose() {
    await this.api.dispose();
  }
}

/**
 * A new partner account whose first admin has accepted the invitation in `page`'s browser
 * context: the page is signed in as that admin.
 */
export async function accountWithSignedInAdmin(page: Page, operator: OperatorApi, label: string) {
  const suffix = unique();
  const account = await operator.createAccount(`${label} ${suffix}`, `admin-${suffix}@partner.test`);
  const adminEmail = `admin-${suffix}@partner.test`;
  const path = await operator.invitationPath(adminEmail);
  const response = await page.request.post(`/api/v1${path.replace('/invite/', '/invitations/')}/accept`, {
    data: { name: `Admin ${suffix}`, password: PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  return { account, adminEmail, adminName: `Admin ${suffix}` };
}
