import { readFileSync } from 'node:fs';
import { expect, request as playwrightRequest, test, type Locator, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import { BASE_URL, OPERATOR, OperatorApi, PASSWORD, modalScreenshot, picker, screenshot, seriousViolations, unique } from './support';

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

/**
 * Whether `text`, somewhere in `locator`'s text, reads left to right on the screen: each character
 * to the right of the one before it on the same line. A Latin name or address beside
 * right-to-left text fails this when its punctuation jumps to the other edge ("Ltd." drawn as
 * ".Ltd", "<a@b>" drawn as "<a@b").
 */
async function readsLeftToRight(locator: Locator, text: string): Promise<boolean> {
  return locator.evaluate((element, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const start = nodes.map((n) => n.data).join('').indexOf(wanted);
    if (start < 0) return false;
    const boxes: DOMRect[] = [];
    for (let index = start; index < start + wanted.length; index++) {
      let offset = index;
      const node = nodes.find((n) => (offset < n.data.length ? true : ((offset -= n.data.length), false)))!;
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      boxes.push(range.getBoundingClientRect());
    }
    return boxes.every((box, i) => {
      const before = boxes[i - 1];
      if (!before || box.width === 0 || before.width === 0 || Math.abs(box.top - before.top) > 2) return true;
      return box.left + box.width / 2 > before.left + before.width / 2;
    });
  }, text);
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
  // A contact written "Name <address>" keeps its angle brackets in place beside Hebrew.
  await page.goto(`/accounts/${account.id}/audit-log`);
  await expect(page.locator('.audit-changes').first()).toContainText('<oncall@partner.test>');
  expect(await readsLeftToRight(page.locator('.audit-changes').first(), '<oncall@partner.test>'), 'a contact in the audit log').toBe(true);
  // The navigation is in Hebrew too.
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByRole('link', { name: he['portal.nav.auditLog'] })).toBeVisible();
});

for (const [locale, language] of [
  ['he', 'Hebrew'],
  ['pl', 'Polish'],
] as const) {
  test(`in ${language}, the invitation page and the operator Mailbox show the account, the address and the subject whole`, async ({ browser }) => {
    test.setTimeout(60_000);
    const texts = catalog(locale);
    const suffix = unique();
    const email = `invitee-${suffix}@partner.test`;
    // Ends in punctuation, which jumps to the other edge beside right-to-left text unless isolated.
    const accountName = `Tables ${suffix} Ltd.`;
    await operator.createAccount(accountName, email, ['reservations_e2e'], locale);
    const path = await operator.invitationPath(email);
    const mail = await operator.newestMailTo(email);
    expect(mail.subject).toContain(accountName);

    // The invitation page, in a browser that prefers the language (drawn at twice the size, so the
    // close-ups show where each full stop and bracket lands).
    const context = await browser.newContext({ locale: locale === 'he' ? 'he-IL' : 'pl-PL', deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(format(locale, texts['invitation.heading']!, { account: accountName }));
    await expect(page.locator('.login-intro')).toHaveText(format(locale, texts['invitation.intro.new']!, { email }));
    await expect(page.getByRole('button', { name: texts['invitation.submit'] })).toBeVisible();
    expect(await readsLeftToRight(page.getByRole('heading', { level: 1 }), accountName), 'the account name on the invitation page').toBe(true);
    expect(await readsLeftToRight(page.locator('.login-intro'), email), 'the address on the invitation page').toBe(true);
    expect(await seriousViolations(page), `${locale}-invitation`).toEqual([]);
    await screenshot(page, `${locale}-invitation`);
    await page.locator('.login-card').screenshot({ path: `test-results/screenshots/${locale}-invitation-card.png` });

    // The operator's Mailbox, with that invitation open.
    await page.goto('/login');
    await page.getByLabel(texts['login.email']!).fill(OPERATOR.email);
    await page.getByLabel(texts['login.password']!, { exact: true }).fill(OPERATOR.password);
    await page.getByRole('button', { name: texts['login.submit'] }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto('/operator/mailbox');
    await expect(page.getByRole('heading', { level: 1, name: texts['mailbox.title'] })).toBeVisible();
    await page.getByRole('option', { name: new RegExp(accountName.replace(/[.]/g, '\\.')) }).first().click();
    const detail = page.locator('.message-detail');
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText(mail.subject);
    await expect(detail.locator('dd').nth(1)).toHaveText(email);
    await expect(detail.locator('iframe.message-html')).toHaveAttribute('title', format(locale, texts['mailbox.htmlFrameTitle']!, { subject: mail.subject }));
    await expect(detail.locator('.message-text')).toContainText(accountName);
    expect(await readsLeftToRight(detail.getByRole('heading', { level: 2 }), accountName), 'the account name in the subject').toBe(true);
    expect(await readsLeftToRight(detail.locator('dd').first(), mail.from), `the sender, ${mail.from}`).toBe(true);
    expect(await readsLeftToRight(detail.locator('dd').nth(1), email), 'the recipient').toBe(true);
    expect(await seriousViolations(page), `${locale}-mailbox`).toEqual([]);
    await screenshot(page, `${locale}-mailbox`);
    await detail.screenshot({ path: `test-results/screenshots/${locale}-mailbox-message.png` });
    // The emails themselves (their plain text, and mail programs that show the subject) isolate it too.
    if (locale === 'he') expect(mail.subject, 'the account name is isolated in the Hebrew subject').toContain(`\u2068${accountName}\u2069`);
    await context.close();
  });
}
