import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { OPERATOR, OperatorApi, PASSWORD, accountWithSignedInAdmin, modalScreenshot, picker, screenshot, seriousViolations, signInThroughPage, unique } from './support';

// What a new partner stumbled on (issue 13): the language picker in the modal, live "Not filled
// in yet" badges, https-only website addresses, the unsaved-changes prompt, the account's
// language, the help page's channel, and the invitation page's facts and password toggle.

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

test('the modal has its own Language picker, and the badges follow what is typed', async ({ page }) => {
  test.setTimeout(90_000);
  const { account } = await accountWithSignedInAdmin(page, operator, 'Modal language', { complete: false });
  await page.goto(`/accounts/${account.id}`);
  const dialog = page.getByRole('dialog', { name: 'Contact information required' });
  await expect(dialog).toBeVisible();

  // Live badges: typing an email removes "Not filled in yet" from that group only; clearing brings it back.
  const technical = dialog.getByRole('group', { name: 'Technical emergency contacts', exact: true });
  await expect(technical.getByText('Not filled in yet')).toBeVisible();
  await technical.getByRole('textbox', { name: 'Email' }).fill('oncall@partner.test');
  await expect(technical.getByText('Not filled in yet')).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'Technical non-emergency contacts', exact: true }).getByText('Not filled in yet')).toBeVisible();
  await technical.getByRole('textbox', { name: 'Email' }).fill('');
  await expect(technical.getByText('Not filled in yet')).toBeVisible();
  await technical.getByRole('textbox', { name: 'Email' }).fill('oncall@partner.test');

  // A website must be https: http:// is refused next to the field, as the hint says.
  const users = dialog.getByRole('group', { name: 'Operational contact to share with users', exact: true });
  await expect(users).toContainText('A help page, starting with https://');
  await users.getByRole('textbox', { name: 'Website URL' }).fill('http://brand.test/help');
  await users.getByRole('textbox', { name: 'Website URL' }).blur();
  await expect(users.getByRole('textbox', { name: 'Website URL' })).toHaveAttribute('aria-invalid', 'true');

  // The phone error replaces the hint instead of repeating it.
  const phone = technical.getByRole('textbox', { name: 'Phone' });
  await phone.fill('12');
  await phone.blur();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(technical.getByText('International format: +44 20 7946 0958')).toHaveCount(0);
  await phone.fill('+48 22 123 45 67');

  // The Language picker inside the modal: Hebrew, then Polish, then back, without leaving it.
  const he = catalog('he');
  const pl = catalog('pl');
  await chooseLanguage(page, dialog.locator('.onboarding-corner'), 'Language', 'עברית', 'he');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const heDialog = page.getByRole('dialog', { name: he['modal.title'] });
  await expect(heDialog).toBeVisible();
  // What was typed stays.
  await expect(heDialog.getByRole('group', { name: he['contactField.technicalEmergencyContacts']!, exact: true }).getByRole('textbox').first()).toHaveValue(
    'oncall@partner.test',
  );
  // The day toggles of a window stay on one line in the modal.
  await heDialog.getByRole('button', { name: he['support.addWindow'] }).click();
  const toggles = heDialog.locator('.day-toggles').first();
  await expect(toggles).toBeVisible();
  const heights = await toggles.locator('.day-toggle').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(heights).size).toBe(1);
  await modalScreenshot(page, 'partner-modal-he');
  expect(await seriousViolations(page)).toEqual([]);

  await chooseLanguage(page, heDialog.locator('.onboarding-corner'), he['header.language']!, 'Polski', 'pl');
  const plDialog = page.getByRole('dialog', { name: pl['modal.title'] });
  await expect(plDialog).toBeVisible();
  // The phone example does not break inside the number.
  const hint = plDialog.locator('.ci-entry-phone .field-description').first();
  await expect(hint).toBeVisible();
  await modalScreenshot(page, 'partner-modal-pl');
  expect(await seriousViolations(page)).toEqual([]);

  await chooseLanguage(page, plDialog.locator('.onboarding-corner'), pl['header.language']!, 'English', 'en');
  await expect(dialog).toBeVisible();
  await modalScreenshot(page, 'partner-modal-en');
});

test('leaving unsaved contact information asks first; the account language is set by admins', async ({ page }) => {
  test.setTimeout(90_000);
  const { account, adminEmail } = await accountWithSignedInAdmin(page, operator, 'Unsaved');
  await page.goto(`/accounts/${account.id}/configuration/contact-information`);
  await expect(page.getByRole('heading', { level: 1, name: 'Contact information' })).toBeVisible();

  // The account's language: English until an admin picks another; each contact's default names it.
  await expect(picker(page, "Account's language")).toContainText('English');
  const entry = page.getByRole('group', { name: 'Technical emergency contacts', exact: true }).getByRole('group', { name: 'Contact 1' });
  await expect(entry.getByRole('button', { name: /Language$/ })).toContainText("Account's language (English)");
  await picker(page, "Account's language").click();
  await page.getByRole('option', { name: 'Polski' }).click();
  await expect(page.getByRole('status').filter({ hasText: "the account's language is now Polski" })).toBeVisible();
  await expect(entry.getByRole('button', { name: /Language$/ })).toContainText("Account's language (Polski)");
  const detail = await (await page.request.get(`/api/v1/accounts/${account.id}`)).json();
  expect(detail.language).toBe('pl');

  // A change, then a link in the portal: asked first; "Stay" keeps the page and the change.
  await entry.getByRole('textbox', { name: 'Name' }).fill('Night pager');
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
  const prompt = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(prompt).toBeVisible();
  await screenshot(page, 'partner-unsaved-en');
  expect(await seriousViolations(page)).toEqual([]);
  await prompt.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page).toHaveURL(/\/configuration\/contact-information$/);
  await expect(entry.getByRole('textbox', { name: 'Name' })).toHaveValue('Night pager');

  // Closing the tab asks the browser's own question.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.type();
    void dialog.dismiss();
  });
  await page.evaluate(() => document.body.click());
  await page.reload({ timeout: 3000 }).catch(() => undefined);
  await expect.poll(() => asked).toBe('beforeunload');

  // "Leave without saving" goes on.
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('alertdialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));

  // Saved changes leave without a question; the Overview shows who receives what.
  await expect(page.getByRole('heading', { name: 'Who receives what' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Alert/ })).toContainText(adminEmail);
  await screenshot(page, 'partner-overview-en');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the only admin sees "Change role" and "Remove" disabled with the reason, in Hebrew too', async ({ page }) => {
  test.setTimeout(90_000);
  const he = catalog('he');
  const { account, adminEmail } = await accountWithSignedInAdmin(page, operator, 'Last admin');
  await page.goto(`/accounts/${account.id}/configuration/users`);
  const row = page.getByRole('row').filter({ hasText: adminEmail });
  await expect(row.getByRole('button', { name: /^Change role/ })).toBeDisabled();
  await expect(row.getByRole('button', { name: /^Remove/ })).toBeDisabled();
  await expect(row).toContainText('The only admin of this account: make someone else an admin first.');
  await chooseLanguage(page, page.getByRole('banner'), 'Language', 'עברית', 'he');
  await expect(row).toContainText(he['users.lastAdmin.reason']!);
  await screenshot(page, 'partner-last-admin-he');
  expect(await seriousViolations(page)).toEqual([]);

  // The Overview in Hebrew (names and addresses isolated) and in Polish.
  await page.getByRole('navigation').getByRole('link', { name: he['portal.nav.overview'] }).click();
  await expect(page.getByRole('heading', { name: he['overview.routes.title'] })).toBeVisible();
  await screenshot(page, 'partner-overview-he');
  expect(await seriousViolations(page)).toEqual([]);
  await chooseLanguage(page, page.getByRole('banner'), he['header.language']!, 'Polski', 'pl');
  await expect(page.getByRole('heading', { name: catalog('pl')['overview.routes.title'] })).toBeVisible();
  await screenshot(page, 'partner-overview-pl');
});

test('in the Hebrew Mailbox an English email reads left to right, and dates follow the language', async ({ page }) => {
  test.setTimeout(60_000);
  const he = catalog('he');
  // An English invitation in the mailbox.
  const suffix = unique();
  await operator.createAccount(`Mailbox direction ${suffix}`, `mailbox-${suffix}@partner.test`, ['reservations_e2e'], 'en');
  await operator.invitationPath(`mailbox-${suffix}@partner.test`);
  await page.goto('/login');
  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  // The operator's language is remembered on the operator: put it back for the other tests, whatever happens.
  try {
    await mailboxInHebrew(page, suffix, he);
  } finally {
    const session = await (await page.request.get('/api/v1/session')).json();
    await page.request.patch('/api/v1/session', { data: { locale: null }, headers: { 'X-CSRF-Token': session.csrfToken } });
  }
});

async function mailboxInHebrew(page: Page, suffix: string, he: Catalog) {
  await page.goto('/operator/mailbox');
  const item = page.getByRole('option').filter({ hasText: `Mailbox direction ${suffix}` }).first();
  await item.click();
  const dateBefore = await item.locator('time').textContent();
  await chooseLanguage(page, page.getByRole('banner'), 'Language', 'עברית', 'he');
  await expect(page.getByRole('heading', { level: 1, name: he['mailbox.title'] })).toBeVisible();
  // The list's dates are worded in Hebrew at once, without a reload.
  await expect.poll(async () => item.locator('time').textContent()).not.toBe(dateBefore);
  const text = page.locator('.message-text');
  await expect(text).toHaveAttribute('dir', 'ltr');
  await expect(text).toHaveAttribute('lang', 'en');
  await expect(page.locator('iframe.message-html')).toHaveAttribute('srcdoc', /<html[^>]*dir="ltr"/);
  await screenshot(page, 'partner-mailbox-he');
  expect(await seriousViolations(page)).toEqual([]);
}

test('the help page offers a real channel and explains each field; in Polish too', async ({ page }) => {
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1, name: 'How to get help' })).toBeVisible();
  await expect(page.getByText('The partner support team of the platform can help.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'partners@platform.test' })).toHaveAttribute('href', /^mailto:partners@platform\.test/);
  await expect(page.getByRole('heading', { name: 'What each field is for' })).toBeVisible();
  await expect(page.getByRole('definition')).toHaveCount(7);
  await screenshot(page, 'partner-help-en');
  expect(await seriousViolations(page)).toEqual([]);
  await chooseLanguage(page, page.locator('body'), 'Language', 'Polski', 'pl');
  await expect(page.getByRole('heading', { level: 1, name: catalog('pl')['help.title'] })).toBeVisible();
  await screenshot(page, 'partner-help-pl');
});

test('the invitation page says who invited you, to which account and role, and can show the password', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const { account } = await accountWithSignedInAdmin(page, operator, 'Invitation facts');
  const colleague = `colleague-${unique()}@partner.test`;
  const session = await (await page.request.get('/api/v1/session')).json();
  const invited = await page.request.post(`/api/v1/accounts/${account.id}/users`, {
    data: { email: colleague, role: 'editor' },
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  expect(invited.status()).toBe(201);
  const path = await operator.invitationPath(colleague, account.name);

  for (const locale of ['en', 'he', 'pl'] as const) {
    const context = await browser.newContext({ locale: locale === 'en' ? 'en-US' : locale });
    const guest = await context.newPage();
    await guest.goto(path);
    const texts = catalog(locale);
    const facts = guest.locator('.invitation-facts');
    await expect(facts).toContainText(account.name);
    await expect(facts).toContainText(texts['role.editor']!);
    await expect(facts).toContainText(session.user.name);
    const password = guest.getByLabel(texts['invitation.password']!, { exact: true });
    await expect(password).toHaveAttribute('type', 'password');
    // The rules show before any error.
    await expect(guest.getByText(texts['invitation.password.hint']!.replace('{min}', '12'))).toBeVisible();
    await password.fill(PASSWORD);
    await guest.getByText(texts['invitation.showPassword']!).click();
    await expect(password).toHaveAttribute('type', 'text');
    await screenshot(guest, `partner-invitation-${locale}`);
    expect(await seriousViolations(guest)).toEqual([]);
    await context.close();
  }
});
