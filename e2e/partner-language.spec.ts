import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { OperatorApi, accountWithSignedInAdmin, screenshot, seriousViolations } from './support';

// Languages a new partner switches to: the sign-in error and the time-zone picker follow.

type Catalog = Record<string, string>;
const catalog = (locale: string) => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Catalog;

let operator: OperatorApi;
test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
});
test.afterAll(async () => {
  await operator.dispose();
});

async function chooseLanguage(page: Page, scope: Locator, label: string, endonym: string, locale: string) {
  await scope.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: endonym }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test('the sign-in error is said again in the language switched to', async ({ page }) => {
  const he = catalog('he');
  const pl = catalog('pl');
  await page.goto('/login');
  await page.getByLabel('Email').fill('nobody@partner.test');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
  await chooseLanguage(page, page.locator('body'), 'Language', 'עברית', 'he');
  await expect(page.getByRole('alert')).toContainText(he['error.invalid_credentials']!);
  await screenshot(page, 'partner-signin-error-he');
  await chooseLanguage(page, page.locator('body'), he['header.language']!, 'Polski', 'pl');
  await expect(page.getByRole('alert')).toContainText(pl['error.invalid_credentials']!);
  await screenshot(page, 'partner-signin-error-pl');
});

test('time zones are named and found in the viewer\'s language; integration names too', async ({ page }) => {
  test.setTimeout(60_000);
  const pl = catalog('pl');
  const { account } = await accountWithSignedInAdmin(page, operator, 'Zones');
  await page.goto(`/accounts/${account.id}/configuration/contact-information`);
  await chooseLanguage(page, page.getByRole('banner'), 'Language', 'Polski', 'pl');
  const zone = page.getByRole('combobox', { name: pl['support.timeZone'] }).first();
  await zone.click();
  await page.keyboard.press('ControlOrMeta+A');
  // Found by its name in Polish (many zones share it), typed on the keyboard as many do,
  // without the diacritics…
  await page.keyboard.type('srodkowoeuropejski');
  await expect(page.getByRole('option').first()).toContainText(/środkowoeuropejski/i);
  // …and by its IANA id, shown with its Polish name.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Europe/Warsaw');
  const option = page.getByRole('option', { name: /Europe\/Warsaw/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText(/czas/i);
  await screenshot(page, 'partner-timezone-pl');
  await page.keyboard.press('Escape');
  // The Overview names the integration in Polish.
  await page.getByRole('navigation').getByRole('link', { name: pl['portal.nav.overview'] }).click();
  await expect(page.locator('.account-facts')).toContainText('Rezerwacje end-to-end');
  expect(await seriousViolations(page)).toEqual([]);
});

test('/api/docs shows Liaison, not the framework, and /favicon.ico exists', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page).toHaveTitle('Liaison API');
  await expect(page.locator('.info .title')).toContainText('Liaison API');
  await expect(page.locator('.topbar img, .topbar svg').first()).toBeVisible();
  await expect(page.locator('.info')).toContainText('Errors.');
  await screenshot(page, 'partner-api-docs');
  const icon = await page.request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/image\//);
});
