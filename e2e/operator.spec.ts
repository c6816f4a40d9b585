import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { OPERATOR, OperatorApi, accountWithSignedInAdmin, picker, screenshot, seriousViolations, setChecked, unique } from './support';

// The operator's side of one account: switch an integration off with a reason (the emergency
// email lands in the Mailbox), and send a notification after seeing who will receive it.

type Catalog = Record<string, string>;
const catalog = (locale: string) => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Catalog;
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
const pickerNamed = (page: Pick<Page, 'getByRole'>, label: string) => page.getByRole('button', { name: new RegExp(`${label}$`) });

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

async function operatorSignsIn(page: Page, locale: string, endonym: string, next: string) {
  const t = catalog(locale);
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await picker(page, 'Language').click();
  await page.getByRole('option', { name: endonym }).click();
  await page.getByLabel(t['login.email']!).fill(OPERATOR.email);
  await page.getByLabel(t['login.password']!, { exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: t['login.submit'] }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
  // The operator's own choice is remembered across tests: make it this test's language.
  const session = await (await page.request.get('/api/v1/session')).json();
  expect((await page.request.patch('/api/v1/session', { data: { locale }, headers: { 'X-CSRF-Token': session.csrfToken } })).status()).toBe(200);
  await page.reload();
}

for (const [locale, endonym] of [
  ['en', 'English'],
  ['he', 'עברית'],
] as const) {
  test(`${locale}: disable an integration with a reason, its emergency email in the Mailbox; send a notification after seeing its recipients`, async ({ page, browser }) => {
    test.setTimeout(120_000);
    const t = catalog(locale);
    const suffix = unique();
    // An account whose admin accepted the invitation (in a browser of its own) and whose contact information is complete.
    const adminPage = await browser.newPage();
    const { account } = await accountWithSignedInAdmin(adminPage, operator, `Bookings ${locale}`);
    await adminPage.close();

    await operatorSignsIn(page, locale, endonym, `/operator/accounts/${account.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);

    // Disable: the reason is required.
    const reason = `Expired certificate ${suffix}`;
    await page.getByRole('button', { name: new RegExp(`^${t['integrationActions.disable']}`) }).click();
    const confirm = page.getByRole('button', { name: t['integrationActions.disable'], exact: true });
    await confirm.click();
    await expect(page.getByText(t['integrationActions.reasonRequired']!)).toBeVisible();
    await page.getByLabel(t['integrationActions.reason']!).fill(reason);
    await confirm.click();
    await expect(page.getByRole('button', { name: new RegExp(`^${t['integrationActions.enable']}`) })).toBeVisible();

    // The whole contact information, read-only, and the audit log naming the disabling.
    const contactInfo = page.getByRole('region', { name: t['account.contactInfo'] });
    const technical = contactInfo.getByRole('group', { name: t['contactField.technicalEmergencyContacts'], exact: true });
    await expect(technical.getByRole('textbox').first()).toHaveAttribute('readonly', '');
    await expect(technical.getByRole('textbox').first()).toHaveValue('oncall@partner.test');
    await expect(contactInfo.getByRole('button', { name: t['contactInfo.save'] })).toHaveCount(0);
    const audit = page.getByRole('region', { name: t['audit.title'] });
    await expect(audit.locator('.audit-entry').first()).toContainText(reason);
    await screenshot(page, `${locale}-operator-account-contact-info`);

    // Send notification: recipients first, then the button to send appears.
    const send = page.getByRole('region', { name: t['sendNotification.heading'] });
    await pickerNamed(send, t['testNotification.category']!).click();
    await page.getByRole('option', { name: t['category.technical'] }).click();
    await send.getByLabel(t['sendNotification.title']!).fill(`Maintenance window ${suffix}`);
    await expect(send.getByRole('button', { name: t['sendNotification.submit'] })).toHaveCount(0);
    await send.getByRole('button', { name: t['sendNotification.preview'] }).click();
    const preview = send.getByRole('status').filter({ hasText: 'dev@partner.test' });
    await expect(preview).toBeVisible();
    // The address reads left to right inside the Hebrew sentence.
    await expect(preview.locator('bdi', { hasText: 'dev@partner.test' })).toBeVisible();
    await screenshot(page, `${locale}-operator-account-recipients`);
    expect(await seriousViolations(page)).toEqual([]);
    await send.getByRole('button', { name: t['sendNotification.submit'] }).click();
    await expect(send.getByRole('status').filter({ hasText: plain(t['sendNotification.sent']!.split('{')[0]!).trim() })).toBeVisible();
    await screenshot(page, `${locale}-operator-account-sent`);

    // The emergency email reached the technical emergency contact, with the reason.
    await expect
      .poll(async () => {
        const response = await operator.api.get('/api/v1/operator/mailbox?limit=200');
        const items = ((await response.json()) as { items: { to: string[]; subject: string; text: string }[] }).items;
        return items.some((m) => m.to.includes('oncall@partner.test') && m.text.includes(reason));
      }, { timeout: 20_000 })
      .toBe(true);
    await page.goto('/operator/mailbox');
    await expect(page.getByRole('option').filter({ hasText: 'oncall@partner.test' }).first()).toBeVisible({ timeout: 15_000 });
  });
}

for (const [locale, endonym] of [
  ['en', 'English'],
  ['he', 'עברית'],
] as const) {
  test(`${locale}: the accounts list filtered to incomplete ones and searched, in the URL; the dashboard with its chart and its table`, async ({ page }) => {
    test.setTimeout(90_000);
    const t = catalog(locale);
    const suffix = unique();
    await operator.createAccount(`Needle ${suffix}`, `needle-${suffix}@partner.test`);
    await operatorSignsIn(page, locale, endonym, '/operator');

    await setChecked(page.getByRole('checkbox', { name: t['accounts.filter.incomplete'] }), true);
    await expect(page).toHaveURL(/contactInfo=incomplete/);
    await page.getByRole('searchbox', { name: t['accounts.search'] }).fill(suffix);
    await expect(page).toHaveURL(new RegExp(`q=${suffix}`));
    await expect(page.getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('link', { name: `Needle ${suffix}` })).toBeVisible();
    await expect(page.getByRole('link', { name: t['accounts.downloadCsv'] })).toHaveAttribute('href', '/api/v1/operator/accounts.csv');
    await screenshot(page, `${locale}-operator-accounts-search`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: t['operator.nav.dashboard'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: t['dashboard.title'] })).toBeVisible();
    await expect(page.getByRole('img', { name: t['dashboard.deliveries'] })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(15);
    await screenshot(page, `${locale}-operator-dashboard`);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const [locale, endonym] of [
  ['en', 'English'],
  ['he', 'עברית'],
] as const) {
  test(`${locale}: a broadcast reviewed, sent, followed to the end, and on the dashboard`, async ({ page }) => {
    test.setTimeout(90_000);
    const t = catalog(locale);
    const suffix = unique();
    const title = `API change ${suffix}`;
    await operator.createAccount(`Broadcast reader ${suffix}`, `reader-${suffix}@partner.test`);
    await operatorSignsIn(page, locale, endonym, '/operator/broadcasts');
    await expect(page.getByRole('heading', { level: 1, name: t['broadcast.title'] })).toBeVisible();
    await page.getByLabel(t['sendNotification.title']!).fill(title);
    await page.getByLabel(t['sendNotification.body']!).fill('The v1 endpoints close in March.');

    // A first press says whom it reaches; only the second sends.
    await page.getByRole('button', { name: t['broadcast.reviewButton'] }).click();
    const review = page.getByRole('status').filter({ hasText: plain(t['broadcast.audience.all']!) });
    await expect(review).toBeVisible();
    await page.getByRole('button', { name: t['broadcast.confirm'] }).click();
    await expect(page.getByRole('status').filter({ hasText: plain(t['broadcast.accepted']!.split('{')[0]!).trim() })).toBeVisible();

    // The list follows it to the end on its own (it asks again while a broadcast runs).
    const item = page.locator('.broadcast-item').filter({ hasText: title });
    await expect(item.getByText(t['broadcast.status.done']!, { exact: true })).toBeVisible({ timeout: 30_000 });
    const progress = item.getByRole('progressbar', { name: t['broadcast.progress.label'] });
    const total = Number(await progress.getAttribute('aria-valuemax'));
    expect(total).toBeGreaterThanOrEqual(1);
    await expect(progress).toHaveAttribute('aria-valuenow', String(total));
    await screenshot(page, `${locale}-operator-broadcasts`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: t['operator.nav.dashboard'] }).click();
    await expect(page.locator('.broadcast-item').filter({ hasText: title })).toBeVisible();
  });
}
