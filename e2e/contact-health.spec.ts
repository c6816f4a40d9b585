import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { ContactInfoView, MailboxPage } from '../src/web/types';
import { OPERATOR, OperatorApi, PASSWORD, picker, screenshot, seriousViolations, unique } from './support';

// Contact health end to end: saving the contact information mails each address a confirmation
// link; the operator's account page shows each address's state; opening the link (a GET, as a
// mail scanner would) confirms nothing, its "Confirm" button does; in English and in Hebrew.

type Catalog = Record<string, string>;
const catalog = (locale: string) => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Catalog;

let operator: OperatorApi;
test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
});
test.afterEach(async () => {
  await operator.forgetLanguage();
});
test.afterAll(async () => {
  await operator.dispose();
});

async function confirmationPath(to: string, accountName: string): Promise<string> {
  let path: string | undefined;
  await expect
    .poll(
      async () => {
        const page = (await (await operator.api.get('/api/v1/operator/mailbox?limit=200')).json()) as MailboxPage;
        const newestFirst = [...page.items].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
        const message = newestFirst.find((m) => m.to.includes(to) && m.subject.includes(accountName) && /\/confirm\//.test(m.text));
        const url = message?.text.match(/https?:\/\/\S+\/confirm\/[\w-]+/)?.[0];
        path = url ? new URL(url).pathname : undefined;
        return path;
      },
      { message: `a confirmation link to ${to}`, timeout: 15_000 },
    )
    .toBeTruthy();
  return path!;
}

async function stateOf(accountId: string, email: string) {
  const view = (await (await operator.api.get(`/api/v1/accounts/${accountId}/contact-info`)).json()) as ContactInfoView;
  return view.contactHealth.find((c) => c.email === email && c.field === 'technicalEmergencyContacts')?.state;
}

async function signInOperator(page: Page, locale: string, endonym: string, next: string) {
  const texts = catalog(locale);
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await picker(page, 'Language').click();
  await page.getByRole('option', { name: endonym }).click();
  await page.getByLabel(texts['login.email']!).fill(OPERATOR.email);
  await page.getByLabel(texts['login.password']!, { exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: texts['login.submit'] }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

for (const [locale, endonym] of [
  ['en', 'English'],
  ['he', 'עברית'],
] as const) {
  test(`${locale}: state badges on the account page, and the confirm page (a GET confirms nothing, the button does)`, async ({ page }) => {
    test.setTimeout(90_000);
    const t = catalog(locale);
    const name = `Health ${locale} ${unique()}`;
    const account = await operator.createAccount(name, `admin.${unique()}@partner.test`);
    await operator.completeContactInfo(account.id);
    const link = await confirmationPath('oncall@partner.test', name);

    await signInOperator(page, locale, endonym, `/operator/accounts/${account.id}`);
    const health = page.getByRole('table', { name: t['contactHealth.caption'] });
    const row = health.getByRole('row').filter({ hasText: 'oncall@partner.test' });
    await expect(row).toContainText(t['contactHealth.state.unconfirmed']!);
    await expect(health.getByRole('row')).toHaveCount(5);
    await screenshot(page, `${locale}-contact-health-unconfirmed`);
    expect(await seriousViolations(page)).toEqual([]);

    // Opening the link confirms nothing.
    await page.goto(link);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { name: t['confirmContact.title'] })).toBeVisible();
    await expect(page.getByText('oncall@partner.test')).toBeVisible();
    const button = page.getByRole('button', { name: t['confirmContact.button'], exact: true });
    await expect(button).toBeVisible();
    expect(await stateOf(account.id, 'oncall@partner.test')).toBe('unconfirmed');
    await screenshot(page, `${locale}-confirm-contact-page`);
    expect(await seriousViolations(page)).toEqual([]);

    await button.click();
    await expect(page.getByRole('status')).toContainText(t['confirmContact.done']!);
    await expect(button).toHaveCount(0);
    expect(await stateOf(account.id, 'oncall@partner.test')).toBe('confirmed');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/operator/accounts/${account.id}`);
    await expect(row).toContainText(t['contactHealth.state.confirmed']!);
    await expect(health.getByRole('row').filter({ hasText: 'dev@partner.test' })).toContainText(t['contactHealth.state.unconfirmed']!);
    await screenshot(page, `${locale}-contact-health-confirmed`);
  });
}

test("en: the partner sees each contact's state on the contact information page and can resend a confirmation", async ({ page }) => {
  test.setTimeout(60_000);
  const suffix = unique();
  const email = `health-admin-${suffix}@partner.test`;
  const account = await operator.createAccount(`Partner health ${suffix}`, email);
  const invitation = await operator.invitationPath(email, account.name);
  await page.goto(invitation);
  await page.getByLabel('Name').fill('Hana Health');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await operator.completeContactInfo(account.id);
  const first = await confirmationPath('oncall@partner.test', account.name);

  await page.goto(`/accounts/${account.id}/configuration/contact-information`);
  const emergency = page.getByRole('group', { name: 'Technical emergency contacts' });
  await expect(emergency.getByText('Not confirmed yet')).toBeVisible();
  const resend = emergency.getByRole('button', { name: 'Resend confirmation to oncall@partner.test' });
  await resend.click();
  await expect(emergency.getByRole('status')).toHaveText('Confirmation sent.');
  // A fresh link arrived; the first one still works too.
  await expect.poll(async () => (await confirmationPath('oncall@partner.test', account.name)) !== first, { timeout: 15_000 }).toBe(true);
  await screenshot(page, 'en-contact-info-health-badges');
  expect(await seriousViolations(page)).toEqual([]);
});
