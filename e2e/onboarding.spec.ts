import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  OperatorApi,
  PASSWORD,
  accountWithSignedInAdmin,
  browserApi,
  completeDocument,
  modalScreenshot,
  screenshot,
  seriousViolations,
  setChecked,
  tabTo,
  unique,
} from './support';

// The onboarding gate and the contact-information form, in a real browser against the real
// server: nothing of our own API is mocked.

let operator: OperatorApi;

test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
});

test.afterAll(async () => {
  await operator.dispose();
});

function rowOf(scope: Page | Locator, text: string) {
  return scope.getByRole('row').filter({ hasText: text });
}

/** Presses keys to type text into whatever has focus, replacing what was there. */
async function replaceTyped(page: Page, value: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

async function acceptInvitation(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
}

test('a new admin meets the blocking modal, invites a colleague, fills everything by keyboard and opens the portal for the whole account', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const suffix = unique();
  const accountName = `Onboarding ${suffix}`;
  const adminEmail = `admin-${suffix}@partner.test`;
  const colleague = `colleague-${suffix}@partner.test`;

  // The operator creates the account with an integration that has merchant-issue contacts.
  const account = await operator.createAccount(accountName, adminEmail, ['reservations_e2e']);
  await acceptInvitation(page, await operator.invitationPath(adminEmail, accountName), 'Nadia Admin');
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));

  // ---- The modal blocks everything --------------------------------------------------------
  const dialog = page.getByRole('dialog', { name: 'Contact information required' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('tab', { name: 'Contact information' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('tab', { name: 'Users' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Submit' })).toBeVisible();
  // Nothing of the portal is there: no navigation, no page; the header behind is inert.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveCount(0);
  expect(await page.locator('header.app-header').evaluate((el) => el.closest('[inert]') !== null)).toBe(true);

  // Not dismissable: neither Escape nor a click outside closes it.
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 400);
  await expect(dialog).toBeVisible();

  // Focus stays inside: a full round of Tab never leaves the dialog.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }

  // "Contact support" in the top corner: inline-end, i.e. the top right in English.
  const support = dialog.getByRole('link', { name: 'Contact support' });
  await expect(support).toHaveAttribute('href', '/help');
  const dialogBox = (await dialog.boundingBox())!;
  const supportBox = (await support.boundingBox())!;
  expect(supportBox.x + supportBox.width).toBeGreaterThan(dialogBox.x + dialogBox.width - 80);
  expect(supportBox.y).toBeLessThan(dialogBox.y + 80);

  // Another address typed in the address bar still lands on the modal.
  await page.goto(`/accounts/${account.id}/audit-log`);
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toHaveCount(0);
  await page.goto(`/accounts/${account.id}/configuration/users`);
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  // The server agrees: the account's other endpoints are gated.
  expect((await page.request.get(`/api/v1/accounts/${account.id}/audit-log`)).status()).toBe(403);

  await modalScreenshot(page, 'modal-contact');
  expect(await seriousViolations(page)).toEqual([]);

  // ---- The Users tab: invite a colleague ---------------------------------------------------
  // The alert contacts' shortcut leads to the Users tab (and puts the focus on it).
  await dialog.getByRole('button', { name: 'Someone missing? Invite a colleague' }).click();
  await expect(dialog.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('tab', { name: 'Users' })).toBeFocused();
  const usersPanel = dialog.getByRole('tabpanel', { name: 'Users' });
  await expect(rowOf(usersPanel, adminEmail)).toContainText('Admin');
  await usersPanel.getByLabel('Email').fill(colleague);
  await usersPanel.getByRole('button', { name: /Role$/ }).click();
  await page.getByRole('option', { name: 'Editor' }).click();
  await usersPanel.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(rowOf(usersPanel, colleague)).toContainText('Invited');
  await expect(rowOf(usersPanel, colleague)).toContainText('Editor');
  await modalScreenshot(page, 'modal-users');
  expect(await seriousViolations(page)).toEqual([]);

  // ---- Back on Contact information: every field, by keyboard alone ------------------------
  await dialog.getByRole('tab', { name: 'Users' }).focus();
  await page.keyboard.press('ArrowLeft'); // tabs: arrows move between them
  const form = dialog.getByRole('tabpanel', { name: 'Contact information' });
  await expect(form).toBeVisible();
  const group = (name: string) => form.getByRole('group', { name, exact: true });
  const entry = (groupName: string, n: number) => group(groupName).getByRole('group', { name: `Contact ${n}` });

  // Alert contacts: picked from the account's users (the new colleague is listed too).
  const alerts = group('Alert contacts');
  await expect(alerts.getByRole('checkbox')).toHaveCount(2);
  await tabTo(page, alerts.getByRole('checkbox', { name: /Nadia Admin/ }));
  await page.keyboard.press('Space');
  await expect(alerts.getByRole('checkbox', { name: /Nadia Admin/ })).toBeChecked();

  // Technical emergency contacts, with an invalid phone first: its error appears next to it on blur.
  const emergency = entry('Technical emergency contacts', 1);
  await tabTo(page, emergency.getByLabel('Email'));
  await page.keyboard.type('oncall@partner.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('On-call pager');
  await page.keyboard.press('Tab');
  await expect(emergency.getByLabel('Phone')).toBeFocused();
  await page.keyboard.type('12345');
  await page.keyboard.press('Tab');
  const phone = emergency.getByLabel('Phone');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  const phoneError = emergency.getByText(/international format/);
  await expect(phoneError).toBeVisible();
  const describedBy = (await phone.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(await phoneError.getAttribute('id'));
  await expect(phone).toHaveValue('12345'); // what was typed stays
  await page.keyboard.press('Shift+Tab');
  await expect(phone).toBeFocused();
  await replaceTyped(page, '+48 22 123 45 67');
  await page.keyboard.press('Tab');
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await expect(phoneError).toHaveCount(0);
  // Its language, in the picker (Enter opens it, arrows choose, Enter confirms).
  await expect(emergency.getByRole('button', { name: /Language$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(emergency.getByRole('button', { name: /Language$/ })).toContainText('English');
  // A second emergency contact: "Add contact" puts the focus in the new row.
  await tabTo(page, group('Technical emergency contacts').getByRole('button', { name: 'Add contact' }));
  await page.keyboard.press('Enter');
  await expect(entry('Technical emergency contacts', 2).getByLabel('Email')).toBeFocused();
  await page.keyboard.type('sre-alias@partner.test');

  // Technical non-emergency, merchant issues, the platform's own contact.
  await tabTo(page, entry('Technical non-emergency contacts', 1).getByLabel('Email'));
  await page.keyboard.type('dev@partner.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Integration team');
  await tabTo(page, entry('Operational contact for merchant issues', 1).getByLabel('Email'));
  await page.keyboard.type('merchants@partner.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Merchant desk');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+44 20 7946 0958');
  await tabTo(page, entry('Operational contact for the platform', 1).getByLabel('Email'));
  await page.keyboard.type('ops@partner.test');

  // The contact users see.
  const forUsers = group('Operational contact to share with users');
  await tabTo(page, forUsers.getByLabel('Email'));
  await page.keyboard.type('help@brand.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+48 22 765 43 21');
  await page.keyboard.press('Tab');
  await page.keyboard.type('https://brand.test/help');

  // Operational support: a window Mon–Sat 10:00–18:00 in Europe/Warsaw, zone found by typing.
  const supportGroup = group('Operational support');
  await tabTo(page, supportGroup.getByRole('button', { name: 'Add window' }));
  await page.keyboard.press('Enter');
  const window1 = supportGroup.getByRole('group', { name: 'Window 1' });
  // The week starts where the browser's locale starts it (en-US: Sunday).
  await expect(window1.getByRole('button', { name: 'Sunday' })).toBeFocused();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(window1.getByRole('button', { name: 'Saturday' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(window1.getByRole('button', { name: 'Saturday' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Tab');
  await expect(window1.getByLabel('Start')).toBeFocused();
  await replaceTyped(page, '10:00');
  await page.keyboard.press('Tab');
  await replaceTyped(page, '18:00');
  await page.keyboard.press('Tab');
  const zone = window1.getByRole('combobox', { name: 'Time zone' });
  await expect(zone).toBeFocused();
  await replaceTyped(page, 'warsaw');
  await expect(page.getByRole('option', { name: /Europe\/Warsaw/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(zone).toHaveValue('Europe/Warsaw');

  // The week picture follows: Monday to Saturday covered, Sunday a gap, in the viewer's zone (UTC).
  const week = supportGroup.locator('.week-picture');
  await expect(week).toContainText('Shown in your time zone, UTC');
  await expect(week.getByRole('listitem').filter({ hasText: 'Sunday' })).toHaveText('Sunday: no support');
  await expect(week.getByRole('listitem').filter({ hasText: 'Saturday' })).toHaveText(/^Saturday: 0[89]:00–1[67]:00$/);
  await expect(week.locator('.week-span')).toHaveCount(6);
  await week.screenshot({ path: 'test-results/screenshots/week-picture.png' });

  // Submit (Enter on the button): the modal closes, says what happened, and lands on the Overview.
  await tabTo(page, dialog.getByRole('button', { name: 'Submit' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: accountName })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: accountName })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'The portal is now open for all 2 users of this account.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who receives what' })).toBeVisible();
  await expect(page.locator('.account-facts')).toContainText('Complete');

  // Everything typed was saved, normalized.
  const saved = await (await browserApi(page)).contactInfo(account.id);
  expect(saved.complete).toBe(true);
  expect(saved.alertContacts.map((a) => a.email)).toEqual([adminEmail]);
  expect(saved.technicalEmergencyContacts).toEqual([
    { email: 'oncall@partner.test', name: 'On-call pager', phone: '+48221234567', locale: 'en' },
    { email: 'sre-alias@partner.test' },
  ]);
  expect(saved.technicalNonEmergencyContacts).toEqual([{ email: 'dev@partner.test', name: 'Integration team' }]);
  expect(saved.merchantIssueContacts).toEqual([{ email: 'merchants@partner.test', name: 'Merchant desk', phone: '+442079460958' }]);
  expect(saved.operationalContactsForPlatform).toEqual([{ email: 'ops@partner.test' }]);
  expect(saved.operationalContactForUsers).toEqual({ email: 'help@brand.test', phone: '+48227654321', url: 'https://brand.test/help' });
  expect(saved.operationalSupport).toEqual({
    alwaysOpen: false,
    windows: [{ timeZone: 'Europe/Warsaw', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '10:00', end: '18:00' }],
  });

  // ---- (b) The colleague joins: the account is complete, so no modal for them ---------------
  const colleagueContext = await browser.newContext();
  const colleaguePage = await colleagueContext.newPage();
  await acceptInvitation(colleaguePage, await operator.invitationPath(colleague, accountName), 'Cole League');
  await expect(colleaguePage).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await expect(colleaguePage.getByRole('heading', { level: 1, name: accountName })).toBeVisible();
  await expect(colleaguePage.getByRole('dialog')).toHaveCount(0);
  await colleaguePage.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await expect(colleaguePage.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await colleagueContext.close();
});

test('a viewer sees the modal too, read-only: they can only ask an admin', async ({ page, browser }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Viewer', { complete: false });
  const viewerEmail = `viewer-${unique()}@partner.test`;
  await (await browserApi(page)).invite(account.id, viewerEmail, 'viewer');
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await acceptInvitation(viewer, await operator.invitationPath(viewerEmail, account.name), 'Vera Viewer');
  const dialog = viewer.getByRole('dialog', { name: 'Contact information required' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('You can read the contact information but not change it');
  await expect(dialog.getByRole('button', { name: 'Submit' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Add contact' })).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'Technical emergency contacts', exact: true })).toContainText('Nobody yet.');
  expect(await seriousViolations(viewer)).toEqual([]);
  await dialog.getByRole('tab', { name: 'Users' }).click();
  await expect(rowOf(dialog, viewerEmail)).toContainText('Viewer');
  await expect(dialog.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  // Signing out is possible from inside the modal.
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(viewer).toHaveURL(/\/login$/);
  await context.close();
});

test('the help page behind "Contact support" explains how to get help', async ({ page }) => {
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1, name: 'How to get help' })).toBeVisible();
  await expect(page.getByText('What to include')).toBeVisible();
  await expect(page.getByText(/invite a better-placed colleague from the Users tab/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the submit shows what is wrong next to each field, in a summary, and keeps what was typed', async ({ page }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Errors', { complete: false });
  await page.goto(`/accounts/${account.id}`);
  const dialog = page.getByRole('dialog', { name: 'Contact information required' });
  const group = (name: string) => dialog.getByRole('group', { name, exact: true });
  await group('Technical emergency contacts').getByLabel('Email').fill('not-an-email');
  await group('Operational contact to share with users').getByLabel('Website URL').fill('brand.test');
  await dialog.getByRole('button', { name: 'Submit' }).click();

  const summary = dialog.getByRole('alert').filter({ hasText: 'need fixing' });
  await expect(summary).toContainText('Technical emergency contacts › Contact 1 › Email');
  await expect(summary).toContainText('Operational contact to share with users › Email');
  await expect(summary).toContainText('Operational contact to share with users › Website URL');
  // Focus goes to the first problem; the summary's links go to the others.
  await expect(group('Technical emergency contacts').getByLabel('Email')).toBeFocused();
  await expect(group('Technical emergency contacts').getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link', { name: /Website URL/ }).click();
  await expect(group('Operational contact to share with users').getByLabel('Website URL')).toBeFocused();
  await expect(group('Operational contact to share with users').getByText('Enter a full web address starting with https://')).toBeVisible();
  await expect(group('Technical emergency contacts').getByLabel('Email')).toHaveValue('not-an-email');
  expect(await seriousViolations(page)).toEqual([]);

  // A partial but valid save is a draft: it says what is still missing, and the modal stays.
  await group('Technical emergency contacts').getByLabel('Email').fill('oncall@partner.test');
  await group('Operational contact to share with users').getByLabel('Website URL').fill('https://brand.test');
  await group('Operational contact to share with users').getByLabel('Email').fill('help@brand.test');
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved as a draft' })).toContainText('Still missing: Alert contacts');
  await expect(dialog).toBeVisible();
  await expect(group('Technical emergency contacts').getByLabel('Email')).toHaveValue('oncall@partner.test');
});

test('Configuration → Contact information: a change is saved as a new version, and a conflict keeps what was typed', async ({ page }) => {
  test.setTimeout(90_000);
  const { account } = await accountWithSignedInAdmin(page, operator, 'Configuration');
  const client = await browserApi(page);
  const before = await client.contactInfo(account.id);

  await page.goto(`/accounts/${account.id}`);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('group', { name: 'Configuration' }).getByRole('link')).toHaveText(['Contact information', 'Users', 'Webhooks', 'Maintenance', 'Business hours']);
  await nav.getByRole('link', { name: 'Contact information' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/configuration/contact-information$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Contact information' })).toBeVisible();
  const group = (name: string) => page.getByRole('group', { name, exact: true });
  for (const name of [
    'Alert contacts',
    'Technical emergency contacts',
    'Technical non-emergency contacts',
    'Operational contact for merchant issues',
    'Operational contact for the platform',
    'Operational contact to share with users',
    'Operational support',
  ]) {
    await expect(group(name)).toBeVisible();
  }
  await expect(group('Technical emergency contacts')).toContainText('pager or on-call group alias');
  await expect(group('Alert contacts').getByRole('link', { name: /Invite a colleague/ })).toBeVisible();

  // A change, saved: the version goes up.
  const nonEmergency = group('Technical non-emergency contacts').getByRole('group', { name: 'Contact 1' });
  await nonEmergency.getByLabel('Name').fill('Platform engineering');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(`Version ${before.version + 1}`);
  const afterSave = await client.contactInfo(account.id);
  expect(afterSave.version).toBe(before.version + 1);
  expect(afterSave.technicalNonEmergencyContacts[0]!.name).toBe('Platform engineering');
  await screenshot(page, 'configuration-contact');
  expect(await seriousViolations(page)).toEqual([]);

  // Someone else saves while the page is open…
  await page.reload();
  await expect(nonEmergency.getByLabel('Name')).toHaveValue('Platform engineering');
  const theirs = completeDocument(afterSave.alertContacts.map((a) => a.userId), true);
  theirs.operationalContactsForPlatform = [{ email: 'escalations@partner.test' }];
  expect((await client.putContactInfo(account.id, theirs, afterSave.version)).status()).toBe(200);

  // …and this page's save is refused: the banner says so, and the typed value stays.
  await nonEmergency.getByLabel('Email').fill('platform-eng@partner.test');
  await page.getByRole('button', { name: 'Save' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Someone else changed the contact information since you opened it' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Reload their version' })).toBeVisible();
  await expect(nonEmergency.getByLabel('Email')).toHaveValue('platform-eng@partner.test');
  expect(await seriousViolations(page)).toEqual([]);
  await banner.getByRole('button', { name: 'Save mine anyway' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(`Version ${afterSave.version + 2}`);
  const final = await client.contactInfo(account.id);
  expect(final.version).toBe(afterSave.version + 2);
  expect(final.technicalNonEmergencyContacts).toEqual([{ email: 'platform-eng@partner.test', name: 'Platform engineering' }]);

  // "Reload their version" discards what was typed.
  expect((await client.putContactInfo(account.id, theirs, final.version)).status()).toBe(200);
  await nonEmergency.getByLabel('Name').fill('Mine, to be discarded');
  await page.getByRole('button', { name: 'Save' }).click();
  await banner.getByRole('button', { name: 'Reload their version' }).click();
  await expect(banner).toHaveCount(0);
  await expect(nonEmergency.getByLabel('Email')).toHaveValue('dev@partner.test');
  await expect(nonEmergency.getByLabel('Name')).toHaveValue('');

  // The server's own findings land on the same places: a colleague removed meanwhile can no
  // longer be picked as an alert contact (the browser could not know).
  const leaving = `leaving-${unique()}@partner.test`;
  await client.invite(account.id, leaving, 'editor');
  await page.reload();
  const alerts = group('Alert contacts');
  await setChecked(alerts.getByRole('checkbox', { name: new RegExp(leaving) }), true);
  const gone = (await operator.members(account.id)).find((m) => m.email === leaving)!;
  await client.removeUser(account.id, gone.userId);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(alerts).toContainText('no longer a user of this account');
  await expect(page.getByRole('alert').filter({ hasText: /needs? fixing/ })).toContainText('Alert contacts');
  // Still listed (so the box can be cleared), marked as gone; cleared, the save goes through.
  const leaver = alerts.getByRole('checkbox', { name: new RegExp(leaving) });
  await expect(leaver).toBeChecked();
  await expect(alerts.locator('.ci-person-departed')).toContainText('No longer a user');
  await leaver.locator('xpath=ancestor::label[1]').click();
  await expect(leaver).toHaveCount(0); // cleared, a former user is not offered again
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The other Configuration page passes the audit too.
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('in Sandbox the alert contacts are read-only, and the rest can still be saved', async ({ page }) => {
  const { account, adminName } = await accountWithSignedInAdmin(page, operator, 'Alerts read-only');
  await page.goto(`/accounts/${account.id}/configuration/contact-information?env=sandbox`);
  const alerts = page.getByRole('group', { name: 'Alert contacts', exact: true });
  await expect(alerts).toContainText('Alert contacts can only be changed while Production is selected');
  await expect(alerts.getByRole('checkbox')).toHaveCount(0);
  await expect(alerts).toContainText(adminName);
  await expect(alerts.getByRole('link', { name: 'Switch to Production' })).toHaveAttribute('href', `/accounts/${account.id}/configuration/contact-information`);

  const platform = page.getByRole('group', { name: 'Operational contact for the platform', exact: true });
  await platform.getByRole('group', { name: 'Contact 1' }).getByLabel('Name').fill('Escalations');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const saved = await (await browserApi(page)).contactInfo(account.id);
  expect(saved.operationalContactsForPlatform[0]!.name).toBe('Escalations');
  expect(saved.alertContacts.map((a) => a.name)).toEqual([adminName]);
  expect(await seriousViolations(page)).toEqual([]);

  await alerts.getByRole('link', { name: 'Switch to Production' }).click();
  await expect(alerts.getByRole('checkbox', { name: new RegExp(adminName) })).toBeChecked();
});

test('the audit log reads as sentences, shows each field before and after, and loads more', async ({ page }) => {
  test.setTimeout(60_000);
  const { account, adminName } = await accountWithSignedInAdmin(page, operator, 'Audit');
  const client = await browserApi(page);
  // Enough changes for a second page.
  let view = await client.contactInfo(account.id);
  for (let i = 0; i < 26; i++) {
    const body = completeDocument(view.alertContacts.map((a) => a.userId), true);
    body.technicalNonEmergencyContacts = [{ email: 'dev@partner.test', name: `Shift ${i}` } as { email: string }];
    body.operationalSupport = i === 25 ? { alwaysOpen: true, windows: [] } : body.operationalSupport;
    const response = await client.putContactInfo(account.id, body, view.version);
    expect(response.status(), await response.text()).toBe(200);
    view = await response.json();
  }

  await page.goto(`/accounts/${account.id}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entries = page.locator('.audit-entry');
  await expect(entries).toHaveCount(25);
  const newest = entries.first();
  await expect(newest).toContainText(`${adminName} changed the contact information (2 fields)`);
  await expect(rowOf(newest, 'Operational support')).toContainText('Mon–Fri 09:00–17:00 (Europe/Warsaw)');
  await expect(rowOf(newest, 'Operational support')).toContainText('24/7');
  await expect(rowOf(newest, 'Technical non-emergency contacts')).toContainText('Shift 24 <dev@partner.test>');
  await expect(rowOf(newest, 'Technical non-emergency contacts')).toContainText('Shift 25 <dev@partner.test>');
  await expect(newest.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: 'test-results/screenshots/audit-log.png' });
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(entries).toHaveCount(30);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  // The oldest: the account's creation, the admin's invitation and first save by the operator.
  await expect(page.getByText(/created the account/)).toBeVisible();
  await expect(page.getByText(new RegExp(`invited admin-.*@partner.test as Admin`))).toBeVisible();
  const firstSave = entries.filter({ hasText: 'changed the contact information (7 fields)' });
  await expect(rowOf(firstSave, 'Alert contacts')).toContainText(adminName);
  await expect(rowOf(firstSave, 'Operational contact to share with users')).toContainText('help@brand.test · https://brand.test/help');
  await firstSave.screenshot({ path: 'test-results/screenshots/audit-log-first-save.png' });
});
