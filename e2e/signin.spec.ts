import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const OPERATOR = { email: 'operator@liaison.test', password: 'correct-horse-battery-staple' };

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** axe-core findings that are serious or critical, in a readable form (empty = pass). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

async function signInThroughPage(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** React Aria's Select is a button named "<value> <label>" that opens a listbox. */
function picker(page: Page, label: string) {
  return page.getByRole('button', { name: new RegExp(`\\b${label}$`) });
}

test.describe.configure({ mode: 'serial' });

test('a wrong password shows an error beside the form and keeps the typed email', async ({ page }) => {
  await page.goto('/login');
  await expect(page).toHaveTitle(/Sign in/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await signInThroughPage(page, OPERATOR.email, 'not-the-password');

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(/\S/);
  await expect(alert).not.toHaveText(/Something went wrong|could not be reached/);
  await expect(page.getByLabel('Email')).toHaveValue(OPERATOR.email);
  await expect(page.getByLabel('Password')).toHaveValue('not-the-password');
  await expect(page).toHaveURL(/\/login$/);
  await screenshot(page, 'login-error');
});

test('empty fields are reported next to them without calling the server', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the operator signs in, switches environment, stays signed in across a reload, and signs out', async ({ page }) => {
  // A signed-out visit to a portal page goes to the sign-in page with a way back.
  await page.goto('/operator');
  await expect(page).toHaveURL(/\/login\?next=%2Foperator$/);

  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/operator\/mailbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  await expect(page).toHaveTitle(/Mailbox/);

  // The header's controls, by the names UI.md gives them.
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Liaison' })).toBeVisible();
  await expect(banner.getByText(OPERATOR.email).first()).toBeVisible();
  await expect(picker(page, 'Environment')).toBeVisible();
  await expect(picker(page, 'Language')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Mailbox' })).toHaveAttribute('aria-current', 'page');
  await screenshot(page, 'mailbox');

  // Production is the default and has no parameter; Sandbox is kept in the URL.
  await expect(picker(page, 'Environment')).toHaveText(/Production/);
  await picker(page, 'Environment').click();
  await page.getByRole('option', { name: 'Sandbox' }).click();
  await expect(page).toHaveURL(/\/operator\/mailbox\?env=sandbox$/);
  await expect(picker(page, 'Environment')).toHaveText(/Sandbox/);
  // Links inside the portal keep the environment.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Mailbox' })).toHaveAttribute('href', '/operator/mailbox?env=sandbox');
  await screenshot(page, 'mailbox-sandbox');

  // The session is a cookie: a reload keeps the user signed in (and the environment).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  await expect(page).toHaveURL(/\/operator\/mailbox\?env=sandbox$/);
  await expect(picker(page, 'Environment')).toHaveText(/Sandbox/);

  // Unknown pages inside the app say so.
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.goto('/accounts/not-a-member-of-this');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

  await page.goto('/operator/mailbox');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await page.goto('/operator');
  await expect(page).toHaveURL(/\/login\?next=%2Foperator$/);
});

test('no serious or critical accessibility violations on the sign-in and mailbox pages', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'login');

  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  await expect(page.getByText('No messages yet').or(page.getByRole('listbox'))).toBeVisible(); // finished loading
  expect(await seriousViolations(page)).toEqual([]);
});

test('the mailbox lists messages newest first and shows the selected one', async ({ page }) => {
  // Nothing in this release sends mail yet, so the mailbox API is answered here; once a
  // feature sends real mail (invitations), this test should read that mail instead.
  const message = (n: number, minutesAgo: number) => ({
    id: `m${n}`,
    from: 'Liaison <no-reply@localhost>',
    to: [`person${n}@partner.example`, 'oncall@partner.example'],
    subject: `Message number ${n}`,
    text: `Hello ${n},\n\nOpen https://liaison.example/invite/token-${n} to continue.`,
    html: n === 3 ? `<p>Hello <strong>${n}</strong></p>` : null,
    receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  });
  await page.route('**/api/v1/operator/mailbox?*', async (route) => {
    const cursor = new URL(route.request().url()).searchParams.get('cursor');
    const body = cursor
      ? { items: [message(1, 90)], nextCursor: null }
      : { items: [message(3, 5), message(2, 30)], nextCursor: 'page-2' };
    await route.fulfill({ json: body });
  });

  await page.goto('/login?next=%2Foperator%2Fmailbox');
  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/operator\/mailbox$/);

  const list = page.getByRole('listbox', { name: /messages/ });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option').first()).toContainText('Message number 3');
  await expect(list.getByRole('option').first()).toContainText('person3@partner.example');

  // The newest is shown first; its HTML part is sandboxed in a titled frame.
  await expect(page.getByRole('heading', { level: 2, name: 'Message number 3' })).toBeVisible();
  const frame = page.locator('iframe[title]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('iframe[title]').getByText('Hello')).toBeVisible();
  await screenshot(page, 'mailbox-html');

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  await list.getByRole('option', { name: 'Message number 2' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Message number 2' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://liaison.example/invite/token-2' })).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(0);
  await screenshot(page, 'mailbox-messages');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('the partner portal frame: account picker, overview, and pages outside the memberships', async ({ page }) => {
  // Accounts and memberships arrive with a later issue: until then the session is answered
  // here so the portal frame can be exercised (replace with a real partner user then).
  const session = (memberships: { accountId: string; accountName: string; role: string }[]) => ({
    user: { id: 'u_partner', email: 'ana@partner.example', name: 'Ana Nowak', locale: 'en' },
    isOperator: false,
    memberships,
    csrfToken: 'csrf-token',
  });
  let memberships = [
    { accountId: 'acc_1', accountName: 'Acme Bookings', role: 'admin' },
    { accountId: 'acc_2', accountName: 'Globex Tables', role: 'viewer' },
  ];
  await page.route('**/api/v1/session', async (route) => {
    if (route.request().method() === 'GET') await route.fulfill({ json: session(memberships) });
    else await route.fallback();
  });

  await page.goto('/');
  await expect(page).toHaveURL(/\/accounts\/acc_1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Bookings' })).toBeVisible();
  await expect(page.getByText('Admin', { exact: true })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner').getByText('Ana Nowak')).toBeVisible();
  await screenshot(page, 'portal-overview');
  expect(await seriousViolations(page)).toEqual([]);

  // The account picker navigates, and the environment goes along.
  await picker(page, 'Environment').click();
  await page.getByRole('option', { name: 'Sandbox' }).click();
  await expect(page).toHaveURL(/\/accounts\/acc_1\?env=sandbox$/);
  await picker(page, 'Account').click();
  await page.getByRole('option', { name: 'Globex Tables' }).click();
  await expect(page).toHaveURL(/\/accounts\/acc_2\?env=sandbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Globex Tables' })).toBeVisible();
  await expect(page.getByText('Viewer', { exact: true })).toBeVisible();

  // Another tenant's account and the operator console are simply not there.
  await page.goto('/accounts/acc_other');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.goto('/operator/mailbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

  // One membership: no picker. None: a page saying so.
  memberships = [{ accountId: 'acc_1', accountName: 'Acme Bookings', role: 'editor' }];
  await page.goto('/accounts/acc_1');
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Bookings' })).toBeVisible();
  await expect(picker(page, 'Account')).toHaveCount(0);
  memberships = [];
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'No account access yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
