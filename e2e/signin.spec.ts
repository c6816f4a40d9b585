import { expect, test } from '@playwright/test';
import { OPERATOR, picker, screenshot, seriousViolations, signInThroughPage } from './support';

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
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('not-the-password');
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
  // A signed-out visit to a console page goes to the sign-in page with a way back.
  await page.goto('/operator');
  await expect(page).toHaveURL(/\/login\?next=%2Foperator$/);

  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/operator$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page).toHaveTitle(/Accounts/);

  // The header's controls, by the names the UI contract gives them.
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Liaison' })).toBeVisible();
  await expect(banner.getByText(OPERATOR.email).first()).toBeVisible();
  await expect(picker(page, 'Environment')).toBeVisible();
  await expect(picker(page, 'Language')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link')).toHaveText(['Accounts', 'Dashboard', 'Broadcasts', 'Mailbox']);
  await expect(nav.getByRole('link', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Mailbox' }).click();
  await expect(page).toHaveURL(/\/operator\/mailbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  await expect(page).toHaveTitle(/Mailbox/);
  await expect(nav.getByRole('link', { name: 'Mailbox' })).toHaveAttribute('aria-current', 'page');
  await screenshot(page, 'mailbox');

  // Production is the default and has no parameter; Sandbox is kept in the URL.
  await expect(picker(page, 'Environment')).toHaveText(/Production/);
  await picker(page, 'Environment').click();
  await page.getByRole('option', { name: 'Sandbox' }).click();
  await expect(page).toHaveURL(/\/operator\/mailbox\?env=sandbox$/);
  await expect(picker(page, 'Environment')).toHaveText(/Sandbox/);
  // Links inside the console keep the environment.
  await expect(nav.getByRole('link', { name: 'Mailbox' })).toHaveAttribute('href', '/operator/mailbox?env=sandbox');
  await expect(nav.getByRole('link', { name: 'Accounts' })).toHaveAttribute('href', '/operator?env=sandbox');
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
  await page.goto('/operator/accounts/no-such-account');
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

  await page.goto('/login?next=%2Foperator%2Fmailbox');
  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  await expect(page.getByText('No messages yet').or(page.getByRole('listbox'))).toBeVisible(); // finished loading
  expect(await seriousViolations(page)).toEqual([]);
});
