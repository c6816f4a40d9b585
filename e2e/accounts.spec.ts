import { expect, test, type Page } from '@playwright/test';
import {
  BASE_URL,
  OPERATOR,
  OperatorApi,
  PASSWORD,
  accountWithSignedInAdmin,
  picker,
  screenshot,
  seriousViolations,
  setChecked,
  signInThroughPage,
  unique,
} from './support';

// Real server, real SMTP to the embedded mail catcher: nothing of our own API is mocked here.

let operator: OperatorApi;

test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
});

test.afterAll(async () => {
  await operator.dispose();
});

/** Clicks Refresh until the mailbox lists a message (the outbox worker delivers within a second or so). */
async function waitForMessage(page: Page, subject: RegExp) {
  const option = page.getByRole('option', { name: subject });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(option).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return option;
}

function rowOf(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}

test('an operator creates an account and its first admin accepts the emailed invitation', async ({ page }) => {
  test.setTimeout(60_000);
  const name = `Acme Bookings ${unique()}`;
  const adminEmail = 'new-admin@partner.test';

  await page.goto('/login');
  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/operator$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');

  // "New account": missing fields are reported beside them, before the server is asked.
  await page.getByRole('button', { name: 'New account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Choose at least one integration.')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();

  // The server's field errors (details) land on their fields, and what was typed stays.
  await dialog.getByLabel('Name').fill(name);
  await setChecked(dialog.getByRole('checkbox', { name: 'End-to-end reservations' }), true);
  await dialog.getByLabel('Admin email').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByLabel('Admin email')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Admin email')).toBeFocused();
  await expect(dialog.getByLabel('Name')).toHaveValue(name);
  await expect(dialog.getByRole('checkbox', { name: 'End-to-end reservations' })).toBeChecked();
  await screenshot(page, 'new-account');

  await dialog.getByLabel('Admin email').fill(adminEmail);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog).toHaveCount(0);

  // The new account's page: its facts, and the admin waiting as Invited.
  await expect(page).toHaveURL(/\/operator\/accounts\/[^/?]+$/);
  const accountId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(`An invitation was sent to ${adminEmail}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Integrations' }).getByText('End-to-end reservations')).toBeVisible();
  await expect(rowOf(page, adminEmail)).toContainText('Admin');
  await expect(rowOf(page, adminEmail)).toContainText('Invited');
  const consoleNav = page.getByRole('navigation', { name: 'Operator console' });
  await expect(consoleNav.getByRole('link', { name: 'Accounts' })).toHaveClass(/active/);
  await screenshot(page, 'operator-account');

  // The invitation went over SMTP to the mail catcher.
  await consoleNav.getByRole('link', { name: 'Mailbox' }).click();
  const message = await waitForMessage(page, new RegExp(name));
  await message.click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
  await expect(page.locator('.message-headers')).toContainText(adminEmail);
  const href = await page.getByRole('link', { name: /\/invite\// }).getAttribute('href');
  expect(href).toMatch(new RegExp(`^${BASE_URL.replace(/\./g, "\\.")}/invite/[\\w-]+$`));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The invitation page: who is invited where; a too-short password is refused beside the field.
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1, name: `You're invited to ${name}` })).toBeVisible();
  await expect(page.getByText(adminEmail)).toBeVisible();
  await expect(page.getByText(/at least 12 characters/i)).toBeVisible();
  await page.getByLabel('Name').fill('Nora Admin');
  await page.getByLabel('Password', { exact: true }).fill('too-short');
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Name')).toHaveValue('Nora Admin');
  await screenshot(page, 'invitation');

  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();

  // Signed in: the account's contact information is still empty, so the onboarding modal asks
  // for it (onboarding.spec.ts is about the modal). Filled in through the API, the portal opens.
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}$`));
  await expect(page.getByRole('dialog', { name: 'Contact information required' })).toBeVisible();
  await operator.completeContactInfo(accountId);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner').getByText('Nora Admin')).toBeVisible();
  const facts = page.locator('.account-facts');
  await expect(facts).toContainText('Your role');
  await expect(facts).toContainText('Admin');
  await expect(facts).toContainText('End-to-end reservations');
  await expect(facts).toContainText('Enabled');
  await expect(facts).toContainText('Complete');
  await expect(facts).not.toContainText('Incomplete');
  await screenshot(page, 'overview');

  // The session is real: it survives a reload. The link is used up.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.goto(href!);
  await expect(page.getByText('This link is not valid or was already used.')).toBeVisible();
});

test('an admin invites a colleague, changes their role, cannot demote the last admin, and removes the colleague', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const { account, adminEmail } = await accountWithSignedInAdmin(page, operator, 'Users');
  const colleague = 'colleague@partner.test';

  await page.goto(`/accounts/${account.id}`);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('group', { name: 'Configuration' })).toBeVisible();
  await nav.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/configuration/users$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  await expect(rowOf(page, adminEmail)).toContainText('Active');

  // Invite as Editor: the colleague appears as Invited.
  await page.getByLabel('Email').fill(colleague);
  await picker(page, 'Role').click();
  await page.getByRole('option', { name: 'Editor' }).click();
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}`)).toBeVisible();
  await expect(rowOf(page, colleague)).toContainText('Editor');
  await expect(rowOf(page, colleague)).toContainText('Invited');
  await expect(page.getByLabel('Email')).toHaveValue('');

  // Inviting them again: the conflict is shown beside "Email", and the address stays.
  await page.getByLabel('Email').fill(colleague);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('already a user of the account')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(colleague);

  // Change role → Viewer.
  await rowOf(page, colleague).getByRole('button', { name: `Change role of ${colleague}` }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Editor' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('menuitemradio', { name: 'Viewer' }).click();
  await expect(rowOf(page, colleague)).toContainText('Viewer');
  await expect(page.getByText(`${colleague} is now Viewer.`)).toBeVisible();

  // Resend the invitation.
  await rowOf(page, colleague).getByRole('button', { name: `Resend invitation to ${colleague}` }).click();
  await expect(page.getByText(`A new invitation was sent to ${colleague}.`)).toBeVisible();

  // The colleague accepts the newest link; as a Viewer they see the same table, read-only.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(await operator.invitationPath(colleague, account.name));
  await viewer.getByLabel('Name').fill('Cole League');
  await viewer.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await viewer.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(viewer).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await viewer.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await expect(rowOf(viewer, colleague)).toContainText('Active');
  await expect(rowOf(viewer, adminEmail)).toContainText('Admin');
  await expect(viewer.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^(Change role|Remove|Resend invitation)/ })).toHaveCount(0);
  await viewerContext.close();
  await page.reload();
  await expect(rowOf(page, colleague)).toContainText('Active');

  // The only admin's "Change role" and "Remove" are disabled up front, with the reason beside them.
  const me = rowOf(page, adminEmail);
  await expect(me.getByRole('button', { name: /^Change role/ })).toBeDisabled();
  await expect(me.getByRole('button', { name: /^Remove/ })).toBeDisabled();
  await expect(me.getByRole('button', { name: /^Remove/ })).toHaveAccessibleDescription('The only admin of this account: make someone else an admin first.');
  await expect(me).toContainText('Admin');
  await screenshot(page, 'users');

  // Remove, after confirming.
  await rowOf(page, colleague).getByRole('button', { name: `Remove ${colleague}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Remove ${colleague}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(rowOf(page, colleague)).toHaveCount(0);
  await expect(page.getByText('Cole League no longer has access.')).toBeVisible();
  await expect(rowOf(page, adminEmail)).toHaveCount(1);
});

test("a partner admin cannot reach another partner's account", async ({ page }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Tenant A');
  const other = await operator.createAccount(`Tenant B ${unique()}`, `admin-b-${unique()}@partner.test`);

  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await expect(picker(page, 'Account')).toHaveCount(0); // one membership: no picker

  for (const path of [`/accounts/${other.id}`, `/accounts/${other.id}/configuration/users`, '/operator', `/operator/accounts/${other.id}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }

  // The API says the same: the other account does not exist for this user.
  expect((await page.request.get(`/api/v1/accounts/${other.id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/accounts/${other.id}/users`)).status()).toBe(404);
  const list = (await (await page.request.get('/api/v1/accounts')).json()) as { items: { id: string }[] };
  expect(list.items.map((a) => a.id)).toEqual([account.id]);
});

test('a person invited to two accounts accepts both and switches with the account picker', async ({ page }) => {
  test.setTimeout(60_000);
  const suffix = unique();
  const email = `two-accounts-${suffix}@partner.test`;
  const first = await operator.createAccount(`First ${suffix}`, email);
  const second = await operator.createAccount(`Second ${suffix}`, email);
  const firstLink = await operator.invitationPath(email, first.name);
  const secondLink = await operator.invitationPath(email, second.name);

  // A new person: name and password.
  await page.goto(firstLink);
  await page.getByLabel('Name').fill('Tomasz Two');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${first.id}$`));

  // The second link: they have a password now, so the page asks only for it; a wrong one is
  // refused beside the field without ending the session.
  await page.goto(secondLink);
  await expect(page.getByRole('heading', { level: 1, name: `You're invited to ${second.name}` })).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveCount(0);
  await page.getByLabel('Password', { exact: true }).fill('not-my-password-at-all');
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${second.id}$`));
  // Not about the onboarding modal: both accounts' contact information is filled in by the API.
  await expect(page.getByRole('dialog', { name: 'Contact information required' })).toBeVisible();
  await operator.completeContactInfo(first.id);
  await operator.completeContactInfo(second.id);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();

  // The account picker switches accounts and keeps the environment.
  await picker(page, 'Environment').click();
  await page.getByRole('option', { name: 'Sandbox' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${second.id}\\?env=sandbox$`));
  await picker(page, 'Account').click();
  await page.getByRole('option', { name: first.name }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${first.id}\\?env=sandbox$`));
  await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  await expect(page.locator('.account-facts')).toContainText('Sandbox');
});

test('the mailbox shows the real invitation emails, the HTML part in a sandboxed frame', async ({ page }) => {
  const suffix = unique();
  const name = `Mailbox ${suffix}`;
  const email = `mailbox-${suffix}@partner.test`;
  await operator.createAccount(name, email);
  await operator.invitationPath(email); // delivered

  await page.goto('/login?next=%2Foperator%2Fmailbox');
  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/operator\/mailbox$/);

  const list = page.getByRole('listbox', { name: /messages/ });
  const option = list.getByRole('option', { name: new RegExp(name) });
  await expect(option).toContainText(email);
  await option.click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole('link', { name: /\/invite\// })).toBeVisible();

  const frame = page.locator('iframe[title]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame).toHaveAttribute('title', new RegExp(name));
  await expect(page.frameLocator('iframe[title]').getByRole('link', { name: 'Accept the invitation' })).toBeVisible();
  await screenshot(page, 'mailbox-html');
  expect(await seriousViolations(page)).toEqual([]);
});

test('no serious or critical accessibility violations on the invitation, Users, Accounts and New-account screens', async ({ page }) => {
  test.setTimeout(60_000);
  const suffix = unique();
  const name = `Axe ${suffix}`;
  const email = `axe-${suffix}@partner.test`;
  await operator.createAccount(name, email);
  const link = await operator.invitationPath(email);

  // The invitation page, also with its errors showing.
  await page.goto(link);
  await expect(page.getByRole('button', { name: 'Accept invitation' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/invite/no-such-token');
  await expect(page.getByText('This link is not valid or was already used.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The Users page of a signed-in admin, with a colleague invited.
  await page.getByRole('link', { name: 'Go to the sign-in page' }).click();
  const { account } = await accountWithSignedInAdmin(page, operator, 'Axe users');
  await page.goto(`/accounts/${account.id}/configuration/users`);
  await page.getByLabel('Email').fill(`colleague-${suffix}@partner.test`);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(rowOf(page, `colleague-${suffix}@partner.test`)).toContainText('Invited');
  expect(await seriousViolations(page)).toEqual([]);
  await rowOf(page, `colleague-${suffix}@partner.test`).getByRole('button', { name: /^Remove/ }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The operator's Accounts page (filtered, as kept in the URL) and the New-account form.
  await signInThroughPage(page, OPERATOR.email, OPERATOR.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await setChecked(page.getByRole('checkbox', { name: 'Incomplete only' }), true);
  await expect(page).toHaveURL(/\/operator\?contactInfo=incomplete$/);
  await expect(page.getByRole('link', { name })).toBeVisible(); // nothing is complete yet
  await screenshot(page, 'operator-accounts');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Incomplete only' })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await setChecked(page.getByRole('checkbox', { name: 'Incomplete only' }), false);
  await expect(page).toHaveURL(/\/operator$/);

  await page.getByRole('button', { name: 'New account' }).click();
  await expect(page.getByRole('dialog', { name: 'New account' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'End-to-end reservations' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});
