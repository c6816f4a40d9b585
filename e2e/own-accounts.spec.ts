import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import type { MailboxPage } from '../src/web/types';
import { BASE_URL, OperatorApi, PASSWORD, accountWithSignedInAdmin, screenshot, seriousViolations, signInThroughPage } from './support';

// People's own accounts: forgot password through the Mailbox, the profile with its sessions,
// two-step sign-in set up from the page (the code computed here from the key the page shows).

test.describe.configure({ mode: 'serial' });
// Long journeys with several axe runs, on a shared machine.
test.setTimeout(120_000);

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const NEW_PASSWORD = 'a-fresh-passphrase-for-e2e';

let operator: OperatorApi;
test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
});
test.afterAll(async () => {
  await operator.dispose();
});

/** The app's code now, or `offsetSeconds` later (each code works once: the next sign-in uses the next one, within the accepted drift). */
const codeFor = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });

/** The newest password reset link mailed to `email`, read from the operators' Mailbox. */
async function resetPath(email: string): Promise<string> {
  let path: string | undefined;
  await expect
    .poll(
      async () => {
        const page = (await (await operator.api.get('/api/v1/operator/mailbox?limit=200')).json()) as MailboxPage;
        const message = [...page.items].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt)).find((m) => m.to.includes(email) && /\/reset-password\//.test(m.text));
        const url = message?.text.match(/https?:\/\/\S+\/reset-password\/[\w-]+/)?.[0];
        path = url ? new URL(url).pathname : undefined;
        return path;
      },
      { message: `a reset link to ${email} in the mailbox`, timeout: 10_000 },
    )
    .toBeTruthy();
  return path!;
}

async function expectAxeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

test('a forgotten password is reset through the emailed link, then the new one signs in', async ({ page }) => {
  const { adminEmail } = await accountWithSignedInAdmin(page, operator, 'Forgetful');
  await page.context().clearCookies();

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText(adminEmail);
  await expectAxeClean(page);
  await screenshot(page, 'forgot-password-sent');

  // The link from the email, as the operators' Mailbox shows it.
  const path = await resetPath(adminEmail);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill('not the same at all');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed');
  await expectAxeClean(page);
  await screenshot(page, 'reset-password-done');

  // Used once: the same link now says so.
  await page.goto(path);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('alert')).toContainText('expired or was already used');

  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await signInThroughPage(page, adminEmail, PASSWORD);
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/accounts\//);
});

test('the profile lists the sessions, signs another out, and sets up two-step sign-in used at the next sign-in', async ({ page }) => {
  const { adminEmail, adminName } = await accountWithSignedInAdmin(page, operator, 'Careful');
  // A second session, from another browser.
  const elsewhere = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'User-Agent': FIREFOX } });
  expect((await elsewhere.post('/api/v1/session', { data: { email: adminEmail, password: PASSWORD } })).status()).toBe(200);

  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText(adminName);
  await page.getByRole('banner').getByRole('link', { name: 'Your profile' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  const sessions = page.getByRole('table', { name: 'Active sessions' });
  await expect(sessions.getByRole('row')).toHaveCount(3);
  await expect(sessions.getByRole('row', { name: /Firefox 133 · Windows 10/ })).toBeVisible();
  await expect(sessions.getByRole('row', { name: /This session/ })).toBeVisible();
  await expectAxeClean(page);
  await screenshot(page, 'profile');

  await sessions.getByRole('row', { name: /Firefox/ }).getByRole('button', { name: 'Sign out' }).click();
  await expect(sessions.getByRole('row')).toHaveCount(2);
  expect((await elsewhere.get('/api/v1/session')).status()).toBe(401);
  await elsewhere.dispose();

  // Two-step sign-in: the key on the page gives the code.
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('two-step-secret').textContent())!.trim();
  await page.getByLabel('Code from the app').fill('000000' === codeFor(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByText('The code is not correct.')).toBeVisible();
  await expectAxeClean(page);
  await screenshot(page, 'two-step-setup');
  await page.getByLabel('Code from the app').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await screenshot(page, 'two-step-recovery-codes');
  await page.getByRole('button', { name: 'I saved the codes' }).click();
  await expect(page.getByText('10 recovery codes left.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Security log' })).toContainText('Two-step sign-in turned on');

  // The next sign-in asks for a code after the password.
  await page.getByRole('button', { name: 'Sign out' }).last().click();
  await expect(page).toHaveURL(/\/login$/);
  await signInThroughPage(page, adminEmail, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Two-step sign-in' })).toBeVisible();
  await expectAxeClean(page);
  await screenshot(page, 'login-code');
  await page.getByLabel('Code').fill(codeFor(secret, 30));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/accounts\//);

  // In Hebrew, right to left; Latin values (device, address, email, key) stay isolated.
  await page.goto('/profile');
  await page.getByRole('banner').getByRole('button', { name: /Language$/ }).click();
  await page.getByRole('option', { name: 'עברית' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'הפרופיל שלך' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'חיבורים פעילים' }).locator('bdi').first()).toBeVisible();
  await expectAxeClean(page);
  await screenshot(page, 'profile-he');
  await page.context().clearCookies();
  await page.goto('/forgot-password');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('textbox').fill(adminEmail);
  await page.getByRole('button', { name: 'שליחת הקישור' }).click();
  await expect(page.getByRole('status').locator('bdi')).toHaveText(adminEmail);
  await expectAxeClean(page);
  await screenshot(page, 'forgot-password-sent-he');
});

test("an account's admin requires two-step sign-in: set up for themselves first; a user without it can do nothing else", async ({ page, browser }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Strict');
  await page.goto(`/accounts/${account.id}/configuration/users`);
  const requirement = page.getByRole('checkbox', { name: 'Require two-step sign-in of every user of this account' });
  // The requirement binds the admin too: refused until they use two-step sign-in themselves.
  await requirement.locator('xpath=ancestor::label[1]').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Set up two-step sign-in for yourself first' })).toBeVisible();
  await expect(requirement).not.toBeChecked();
  await page.getByRole('banner').getByRole('link', { name: 'Your profile' }).click();
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  const secret = (await page.getByTestId('two-step-secret').textContent())!.trim();
  await page.getByLabel('Code from the app').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await page.getByRole('button', { name: 'I saved the codes' }).click();
  await page.goto(`/accounts/${account.id}/configuration/users`);
  await requirement.locator('xpath=ancestor::label[1]').click();
  await expect(requirement).toBeChecked();
  await expectAxeClean(page);
  await screenshot(page, 'two-step-requirement');

  // A colleague without two-step sign-in joins: the portal leads them to set it up, and the API refuses the rest.
  const email = `strict-${Date.now()}@partner.test`;
  const headers = { 'X-CSRF-Token': (await (await page.request.get('/api/v1/session')).json()).csrfToken as string };
  expect((await page.request.post(`/api/v1/accounts/${account.id}/users`, { data: { email, role: 'viewer' }, headers })).status()).toBe(201);
  const path = await operator.invitationPath(email);
  const other = await browser.newContext();
  const fresh = await other.newPage();
  const accepted = await fresh.request.post(`/api/v1${path.replace('/invite/', '/invitations/')}/accept`, { data: { name: 'Strict Viewer', password: PASSWORD } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  expect((await fresh.request.get(`/api/v1/accounts/${account.id}/users`)).status()).toBe(403);
  await fresh.goto(`/accounts/${account.id}`);
  await expect(fresh).toHaveURL(/\/profile$/);
  await expect(fresh.getByRole('status').filter({ hasText: 'Two-step sign-in is required' })).toBeVisible();
  await screenshot(fresh, 'two-step-required');
  await other.close();
});
