import { readFileSync } from 'node:fs';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { BASE_URL, OPERATOR, OperatorApi, picker, screenshot, seriousViolations, unique } from './support';

// An emergency's Acknowledge link end to end: the email in the Mailbox, its link opened (a GET,
// as a mail scanner would: nothing acknowledged), the button pressed (acknowledged once), and the
// acknowledgement on the Notifications page; in English and in Hebrew.

type Catalog = Record<string, string>;
const catalog = (locale: string) => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Catalog;
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

let operator: OperatorApi;
let api: APIRequestContext;
let csrf: string;
test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
  api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const session = await api.post('/api/v1/session', { data: OPERATOR });
  csrf = (await session.json()).csrfToken;
});
test.afterEach(async () => {
  await operator.forgetLanguage();
});
test.afterAll(async () => {
  await operator.dispose();
  await api.dispose();
});

async function notificationOf(accountId: string, id: string) {
  const response = await api.get(`/api/v1/accounts/${accountId}/notifications?limit=50`);
  expect(response.status()).toBe(200);
  return ((await response.json()).items as { id: string; acknowledgedAt: string | null; acknowledgedBy: string | null }[]).find((n) => n.id === id)!;
}

async function signInOperator(page: Page, locale: string, endonym: string) {
  const texts = catalog(locale);
  await page.goto('/login?next=%2Foperator%2Fmailbox');
  await picker(page, 'Language').click();
  await page.getByRole('option', { name: endonym }).click();
  await page.getByLabel(texts['login.email']!).fill(OPERATOR.email);
  await page.getByLabel(texts['login.password']!, { exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: texts['login.submit'] }).click();
  await expect(page).toHaveURL(/\/operator\/mailbox$/);
}

for (const [locale, endonym] of [
  ['en', 'English'],
  ['he', 'עברית'],
] as const) {
  test(`${locale}: an emergency's Acknowledge link from the Mailbox: opening it acknowledges nothing, the button does, once`, async ({ page }) => {
    test.setTimeout(90_000);
    const t = catalog(locale);
    const name = `Emergency ${locale} ${unique()}`;
    const account = await operator.createAccount(name, `admin.${unique()}@partner.test`);
    await operator.completeContactInfo(account.id);
    const raised = await api.post(`/api/v1/accounts/${account.id}/notifications`, {
      data: { category: 'emergency', env: 'production', title: 'Payments are failing', body: 'Every card payment is declined since 10:02.' },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(raised.status(), await raised.text()).toBe(202);
    const notificationId = (await raised.json()).id as string;

    // The email in the Mailbox, read by the operator in this language.
    await signInOperator(page, locale, endonym);
    const option = page.getByRole('option').filter({ hasText: name });
    await expect(async () => {
      await page.getByRole('button', { name: t['mailbox.refresh'] }).click();
      await expect(option.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await option.first().click();
    const body = page.frameLocator('iframe[title]');
    const link = body.getByRole('link', { name: 'Acknowledge' });
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/\/ack\/[\w-]+$/);
    await screenshot(page, `${locale}-emergency-mailbox`);

    // Opening the link (a GET, as a mail scanner or link preview does) acknowledges nothing.
    await page.goto(new URL(href).pathname);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { name: t['acknowledge.title'] })).toBeVisible();
    await expect(page.getByText('Payments are failing')).toBeVisible();
    const button = page.getByRole('button', { name: t['acknowledge.button'] });
    await expect(button).toBeVisible();
    expect(await notificationOf(account.id, notificationId)).toMatchObject({ acknowledgedAt: null, acknowledgedBy: null });
    await screenshot(page, `${locale}-acknowledge-page`);
    expect(await seriousViolations(page)).toEqual([]);

    await button.click();
    await expect(page.getByRole('status')).toContainText(t['acknowledge.done']!);
    await expect(button).toHaveCount(0);
    expect(await notificationOf(account.id, notificationId)).toMatchObject({ acknowledgedBy: 'oncall@partner.test' });
    await screenshot(page, `${locale}-acknowledged`);
    expect(await seriousViolations(page)).toEqual([]);

    // Opened again: shown as already acknowledged, by whom.
    await page.reload();
    await expect(page.getByRole('status')).toContainText(plain(t['acknowledge.already']!).split('{email}')[0]!.trim());
    await expect(page.getByRole('status')).toContainText('oncall@partner.test');

    // The operator's page of the account shows who acknowledged it among its notifications.
    await page.goto(`/operator/accounts/${account.id}`);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Payments are failing' }) });
    await expect(item).toContainText(t['notifications.acknowledged']!);
    await expect(item).toContainText('oncall@partner.test');
    await screenshot(page, `${locale}-notifications-acknowledged`);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
