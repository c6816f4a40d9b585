import { readFileSync } from 'node:fs';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import { BASE_URL, OperatorApi, PASSWORD, modalScreenshot, picker, screenshot, seriousViolations, unique } from './support';

// Hebrew (right to left) and Polish, chosen on the sign-in page before signing in, as a person would.

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

/** A new account whose admin has set a password (through the API) but not filled anything in. */
async function incompleteAccount(label: string, integrations = ['ordering_redirect']) {
  const suffix = unique();
  const email = `admin-${suffix}@partner.test`;
  const account = await operator.createAccount(`${label} ${suffix}`, email, integrations);
  const path = await operator.invitationPath(email);
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const accepted = await api.post(`/api/v1${path.replace('/invite/', '/invitations/')}/accept`, { data: { name: `${label} Admin`, password: PASSWORD } });
  expect(accepted.status()).toBe(200);
  await api.dispose();
  return { account, email };
}

async function chooseLanguageAndSignIn(page: Page, locale: string, endonym: string, email: string) {
  const texts = catalog(locale);
  await page.goto('/login');
  await picker(page, 'Language').click();
  await page.getByRole('option', { name: endonym }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.getByLabel(texts['login.email']!).fill(email);
  await page.getByLabel(texts['login.password']!, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: texts['login.submit'] }).click();
  // Signed in only once the page has left /login (the sign-in page has a heading of its own).
  await expect(page).not.toHaveURL(/\/login/);
}

test('in Hebrew the page is right to left and the modal mirrored: "Contact support" sits top-left', async ({ page }) => {
  const he = catalog('he');
  const { email } = await incompleteAccount('Hebrew');
  await chooseLanguageAndSignIn(page, 'he', 'עברית', email);

  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const dialog = page.getByRole('dialog', { name: he['modal.title'] });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('tab', { name: he['modal.tab.contact'] })).toBeVisible();
  const support = dialog.getByRole('link', { name: new RegExp(he['modal.contactSupport']!) });
  const supportBox = (await support.boundingBox())!;
  const dialogBox = (await dialog.boundingBox())!;
  // Mirrored: the link is in the left half of the dialog (in English it is in the right half).
  expect(supportBox.x + supportBox.width / 2).toBeLessThan(dialogBox.x + dialogBox.width / 2);
  expect(supportBox.y - dialogBox.y).toBeLessThan(120);
  // The language stays with the user: after a reload, still Hebrew.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('dialog', { name: he['modal.title'] })).toBeVisible();
  await modalScreenshot(page, 'he-modal');
});

test('in English the same link sits top-right', async ({ page }) => {
  const { email } = await incompleteAccount('English');
  await chooseLanguageAndSignIn(page, 'en', 'English', email);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const dialog = page.getByRole('dialog', { name: 'Contact information required' });
  const supportBox = (await dialog.getByRole('link', { name: /Contact support/ }).boundingBox())!;
  const dialogBox = (await dialog.boundingBox())!;
  expect(supportBox.x + supportBox.width / 2).toBeGreaterThan(dialogBox.x + dialogBox.width / 2);
});

test('in Polish a plural message reads right for 1, 2 and 5 problems', async ({ page }) => {
  const pl = catalog('pl');
  const { email } = await incompleteAccount('Polski');
  await chooseLanguageAndSignIn(page, 'pl', 'Polski', email);
  const dialog = page.getByRole('dialog', { name: pl['modal.title'] });
  await expect(dialog).toBeVisible();

  const group = (field: string) => dialog.getByRole('group', { name: pl[`contactField.${field}`], exact: true });
  const submit = dialog.getByRole('button', { name: pl['modal.submit'], exact: true });
  const summary = dialog.locator('.ci-summary-title');
  const expected = (count: number) => format('pl', pl['contactInfo.summary.title']!, { count });

  await group('technicalEmergencyContacts').getByLabel(pl['contactInfo.entry.email']!, { exact: true }).fill('x');
  await submit.click();
  await expect(summary).toHaveText(expected(1));

  await group('technicalNonEmergencyContacts').getByLabel(pl['contactInfo.entry.email']!, { exact: true }).fill('y');
  await submit.click();
  await expect(summary).toHaveText(expected(2));

  await group('operationalContactsForPlatform').getByLabel(pl['contactInfo.entry.email']!, { exact: true }).fill('z');
  await group('operationalContactForUsers').getByLabel(pl['contactInfo.part.email']!, { exact: true }).fill('w');
  await group('operationalContactForUsers').getByLabel(pl['contactInfo.part.url']!, { exact: true }).fill('javascript:alert(1)');
  await submit.click();
  await expect(summary).toHaveText(expected(5));

  // Three different forms of the noun: Polish has one, few and many.
  expect(new Set([expected(1), expected(2), expected(5)]).size).toBe(3);
  await modalScreenshot(page, 'pl-modal-errors');
});

test('the sign-in page follows the browser language before anyone signs in', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'pl-PL' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('button', { name: catalog('pl')['login.submit'] })).toBeVisible();
  await screenshot(page, 'pl-login');
  await context.close();
});

test('every main screen reads right to left in Hebrew, with no serious accessibility problem', async ({ page }) => {
  test.setTimeout(90_000);
  const he = catalog('he');
  // A complete account, so that the portal's pages open.
  const { account, email } = await incompleteAccount('Tour', ['reservations_e2e']);
  await operator.completeContactInfo(account.id);
  await chooseLanguageAndSignIn(page, 'he', 'עברית', email);

  const pages: [string, string][] = [
    ['he-overview', `/accounts/${account.id}`],
    ['he-configuration-contact', `/accounts/${account.id}/configuration/contact-information`],
    ['he-users', `/accounts/${account.id}/configuration/users`],
    ['he-audit-log', `/accounts/${account.id}/audit-log`],
    ['he-help', '/help'],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    // Still on that page: not sent back to sign-in.
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await seriousViolations(page), name).toEqual([]);
    await screenshot(page, name);
  }
  // The navigation is in Hebrew too.
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByRole('link', { name: he['portal.nav.auditLog'] })).toBeVisible();
});
