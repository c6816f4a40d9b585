import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import { OPERATOR, OperatorApi, accountWithSignedInAdmin, screenshot, seriousViolations } from './support';

/** A picker by its label in any script (the shared helper's \b only knows Latin words). */
const pickerNamed = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`${label}$`) });

// "Send test notification" end to end: real emails through the outbox worker to the embedded
// mail catcher, then the delivery on the Notifications page, in English and in Hebrew.

type Catalog = Record<string, string>;
const catalog = (locale: string) => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Catalog;
const format = (locale: string, message: string, values: Record<string, unknown> = {}) =>
  String(new IntlMessageFormat(message, locale).format(values as Record<string, string>));

let operator: OperatorApi;
test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
});
test.afterAll(async () => {
  await operator.dispose();
});

/**
 * Signs the operator in through the sign-in page, in a browser that prefers `locale` (not the
 * picker: a picked language is remembered on the user, and other tests share the operator).
 */
async function operatorPage(page: Page, locale: string) {
  const texts = catalog(locale);
  await page.goto('/login?next=%2Foperator%2Fmailbox');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.getByLabel(texts['login.email']!).fill(OPERATOR.email);
  await page.getByLabel(texts['login.password']!, { exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: texts['login.submit'] }).click();
  await expect(page).toHaveURL(/\/operator\/mailbox$/);
}

for (const locale of ['en', 'he'] as const) {
  test(`${locale}: Send test notification, the email in the Mailbox, and the Notifications page showing it sent`, async ({ page, browser }) => {
    test.setTimeout(90_000);
    const t = catalog(locale);
    const { account } = await accountWithSignedInAdmin(page, operator, `Routing ${locale}`);
    // The admin reads the portal in this language (remembered on the user, as the picker does).
    const session = await (await page.request.get('/api/v1/session')).json();
    expect((await page.request.patch('/api/v1/session', { data: { locale }, headers: { 'X-CSRF-Token': session.csrfToken } })).status()).toBe(200);

    await page.goto(`/accounts/${account.id}/configuration/contact-information`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const send = page.getByRole('button', { name: t['testNotification.submit'] });
    await send.scrollIntoViewIfNeeded();
    await pickerNamed(page, t['testNotification.category']!).click();
    await page.getByRole('option', { name: t['category.technical'] }).click();
    await send.click();
    const status = page.getByRole('status').filter({ hasText: 'dev@partner.test' });
    await expect(status).toContainText(format(locale, t['testNotification.sent']!, { count: 1, recipients: 'dev@partner.test' }).replace(/[\u2068\u2069]/g, ''));
    await screenshot(page, `${locale}-test-notification-sent`);
    expect(await seriousViolations(page)).toEqual([]);

    // The real email, as the embedded mail catcher received it.
    const context = await browser.newContext({ locale: locale === 'he' ? 'he-IL' : 'en-US', timezoneId: 'UTC' });
    const operatorTab = await context.newPage();
    await operatorPage(operatorTab, locale);
    const option = operatorTab.getByRole('option').filter({ hasText: account.name });
    await expect(async () => {
      await operatorTab.getByRole('button', { name: t['mailbox.refresh'] }).click();
      await expect(option.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await option.first().click();
    const body = operatorTab.frameLocator('iframe[title]');
    await expect(body.getByText('This is a test sent from the contact information page')).toBeVisible();
    await expect(body.getByRole('link', { name: 'Open in the partner portal' })).toBeVisible();
    await screenshot(operatorTab, `${locale}-test-notification-mailbox`);
    await context.close();

    // The Notifications page: the test, its recipient and the delivery's state.
    await page.getByRole('navigation').getByRole('link', { name: t['portal.nav.notifications'] }).click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/notifications`));
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: t['email.notification.test.title'] }) });
    await expect(item).toContainText(t['notifications.test']!);
    await expect(item.getByRole('row').filter({ hasText: 'dev@partner.test' })).toContainText(t['delivery.status.sent']!);
    await screenshot(page, `${locale}-notifications`);
    expect(await seriousViolations(page)).toEqual([]);

    // Filtered by a status no delivery has: nothing, and the filter is in the URL.
    await pickerNamed(page, t['notifications.filter.status']!).click();
    await page.getByRole('option', { name: t['delivery.status.failed'] }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(page.getByText(t['notifications.empty.filtered']!)).toBeVisible();
  });
}
