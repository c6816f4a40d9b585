import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { OperatorApi, accountWithSignedInAdmin, picker, screenshot, seriousViolations } from './support';

// Configuration → Webhooks, in English and in Hebrew, against a receiver on this machine.

const he = JSON.parse(readFileSync('locales/he.json', 'utf8')) as Record<string, string>;

let operator: OperatorApi;
let server: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

test.beforeAll(async () => {
  operator = await OperatorApi.signIn();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await operator.dispose();
  await new Promise((resolve) => server.close(resolve));
});

test('an admin adds a webhook, sees its secret once, sends a test event and reads the delivery log', async ({ page }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Hooks');
  await page.goto(`/accounts/${account.id}/configuration/webhooks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('No webhooks yet: notifications go by email only.')).toBeVisible();

  const url = `${receiverUrl}/liaison/${account.id}`;
  await page.getByLabel('URL').fill(url);
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByRole('heading', { name: 'Signing secret' })).toBeVisible();
  await expect(page.locator('.secret-value')).toHaveText(/^whsec_/);
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByRole('heading', { name: 'Signing secret' })).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: url });
  await expect(row.getByText('Enabled')).toBeVisible();

  await page.getByRole('button', { name: `Send test event to ${url}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A test event is on its way' })).toBeVisible();
  await expect.poll(() => received.some((r) => r.body.includes(account.id) && r.body.includes('webhook.test'))).toBe(true);
  const log = page.getByRole('table', { name: 'Deliveries, newest first' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(log.getByText('Sent')).toBeVisible({ timeout: 1000 });
  }).toPass();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'en-webhooks');

  await page.getByRole('button', { name: `Delete ${url}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No webhooks yet: notifications go by email only.')).toBeVisible();
});

test('in Hebrew the page mirrors and the URL stays left to right', async ({ page }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Hooks HE');
  await page.goto(`/accounts/${account.id}/configuration/webhooks`);
  await picker(page, 'Language').click();
  await page.getByRole('option', { name: 'עברית' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: he['webhooks.title'] })).toBeVisible();

  const url = `${receiverUrl}/he/${account.id}`;
  await page.getByLabel(he['webhooks.add.url']!).fill(url);
  await expect(page.getByLabel(he['webhooks.add.url']!)).toHaveAttribute('dir', 'ltr');
  await page.getByRole('button', { name: he['webhooks.add.submit'] }).click();
  await expect(page.getByRole('heading', { name: he['webhooks.secret.heading'] })).toBeVisible();
  await page.getByRole('button', { name: he['webhooks.secret.done'] }).click();
  const cell = page.locator('td bdi[dir="ltr"]').filter({ hasText: url });
  await expect(cell).toBeVisible();
  await page.getByRole('button', { name: he['webhooks.log']! }).first().click();
  await expect(page.getByText(he['webhooks.log.empty']!)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'he-webhooks');
});

test('an admin schedules maintenance of an integration and ends it now', async ({ page }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Maint');
  await page.goto(`/accounts/${account.id}/configuration/maintenance`);
  await expect(page.getByRole('heading', { level: 1, name: 'Maintenance' })).toBeVisible();
  await page.getByLabel('Reason').fill('Database upgrade');
  await page.getByRole('button', { name: 'Schedule maintenance' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Database upgrade' });
  await expect(row.getByText('In progress')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'en-maintenance');
  await row.getByRole('button', { name: /^End maintenance of .* now$/ }).click();
  await expect(row.getByText('Ended')).toBeVisible();
});

test('an admin lists holidays and has notifications wait for support hours', async ({ page }) => {
  const { account } = await accountWithSignedInAdmin(page, operator, 'Hours');
  await page.goto(`/accounts/${account.id}/configuration/business-hours`);
  await expect(page.getByRole('heading', { level: 1, name: 'Business hours' })).toBeVisible();
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await page.getByLabel('Date of holiday 1').fill('2027-12-25');
  await page.getByLabel('Name of holiday 1').fill('Christmas');
  await page.getByText('Hold technical and merchant-issue notifications until support opens').click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Name of holiday 1')).toHaveValue('Christmas');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'en-business-hours');
});
