import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../src/mail/mailer';
import { startMailCatcher, type MailCatcher } from '../../src/mail/catcher';
import { isRefusedAddress } from '../../src/webhooks/address-guard';
import { signWebhook } from '../../src/webhooks/signature';
import { startDeliveryWorker, type DeliveryWorker } from '../../src/worker/delivery-worker';
import { completeDocument, createAccountWithAdmin, addMember, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** A local receiver: records every request, answers what `respond` says (status, or a delay first). */
async function startReceiver() {
  const received: Received[] = [];
  let respond: (r: Received) => { status: number; delayMs?: number; location?: string } = () => ({ status: 204 });
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body };
      received.push(r);
      const answer = respond(r);
      const send = () => {
        if (answer.location) res.setHeader('location', answer.location);
        res.statusCode = answer.status;
        res.end();
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    answer(fn: typeof respond) {
      respond = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const log = { info() {}, warn() {}, error() {} };
const DAY = 24 * 60 * 60 * 1000;

describe('the SSRF guard', () => {
  it.each([
    ['127.0.0.1'], ['10.1.2.3'], ['172.16.0.1'], ['192.168.1.1'], ['169.254.169.254'], ['0.0.0.0'], ['224.0.0.1'], ['100.64.0.1'],
    ['::1'], ['::'], ['fe80::1'], ['fc00::1'], ['fd12:3456::1'], ['ff02::1'], ['::ffff:127.0.0.1'], ['::ffff:10.0.0.1'], ['not-an-ip'],
  ])('refuses %s', (address) => expect(isRefusedAddress(address)).toBe(true));
  it.each([['93.184.216.34'], ['8.8.8.8'], ['2606:4700:4700::1111'], ['::ffff:8.8.8.8']])('allows the public address %s', (address) =>
    expect(isRefusedAddress(address)).toBe(false),
  );
});

describe('webhook creation without WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestApp;
  let account: AccountFixture;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    account = await createAccountWithAdmin(t, await signInAs(t, 'ops@liaison.test'));
    expect((await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId))).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it.each([
    ['https://127.0.0.1/hook'],
    ['https://localhost:8443/hook'],
    ['https://10.0.0.7/hook'],
    ['https://192.168.1.20/hook'],
    ['https://169.254.169.254/latest/meta-data'],
    ['https://[::1]/hook'],
    ['https://[fe80::1]/hook'],
    ['https://[fd00::1]/hook'],
    ['https://[::ffff:127.0.0.1]/hook'],
    ['https://0.0.0.0/hook'],
  ])('refuses %s with 422 webhook_address_refused', async (url) => {
    const response = await account.admin.request('POST', `/api/v1/accounts/${account.id}/webhooks`, { url, categories: ['technical'] });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe('webhook_address_refused');
  });

  it('refuses plain http, credentials in the URL, and nonsense with 400 invalid_url', async () => {
    for (const url of ['http://93.184.216.34/hook', 'https://user:pw@93.184.216.34/hook', 'not a url', 'ftp://93.184.216.34/']) {
      const response = await account.admin.request('POST', `/api/v1/accounts/${account.id}/webhooks`, { url, categories: ['technical'] });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'url', code: 'invalid_url' })]);
    }
  });

  it('refuses a host that does not resolve with 422 webhook_host_unknown', async () => {
    const response = await account.admin.request('POST', `/api/v1/accounts/${account.id}/webhooks`, { url: 'https://nowhere.invalid/hook', categories: ['technical'] });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe('webhook_host_unknown');
  });

  it('validates the body: no categories, unknown category, unknown field', async () => {
    for (const body of [{ url: 'https://93.184.216.34/', categories: [] }, { url: 'https://93.184.216.34/', categories: ['spam'] }, { url: 'https://93.184.216.34/', categories: ['technical'], extra: 1 }]) {
      const response = await account.admin.request('POST', `/api/v1/accounts/${account.id}/webhooks`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });
});

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let mailer: Mailer;
  let refusing: MailCatcher;
  let worker: DeliveryWorker;
  let clock: Date;
  let other: AccountFixture;

  const startWorker = (allowPrivate: boolean) =>
    startDeliveryWorker({
      storage: t.storage,
      mailer,
      log,
      pollMs: 600_000,
      policy: { firstRetryMs: 150, maxRetryMs: 300 },
      webhooks: { allowPrivate, timeoutMs: 300, disableAfterMs: 3 * DAY, publicUrl: 'http://localhost:3000', now: () => clock },
    });

  beforeAll(async () => {
    t = await createTestApp(dialect, { WEBHOOK_ALLOW_PRIVATE: '1' });
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Hooks' });
    expect((await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId))).statusCode).toBe(200);
    other = await createAccountWithAdmin(t, operator, { name: 'Other' });
    expect((await other.admin.request('PUT', `/api/v1/accounts/${other.id}/contact-info`, completeDocument(other.adminId))).statusCode).toBe(200);
    await t.deliverMail();
    // From here on our own worker sends: fast retries, a short timeout and a clock the tests move.
    await t.worker.stop();
    // Our worker's SMTP server refuses the merchant-issue contact (550), as for a deleted mailbox.
    refusing = await startMailCatcher((mail) => void t.inbox.push(mail), { refuse: ['merchants@partner.example'] });
    mailer = createMailer({ smtpUrl: refusing.url, from: 'Liaison <no-reply@localhost>' });
    worker = startWorker(true);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await worker.stop();
    mailer.close();
    await refusing.close();
    await receiver.close();
    await t.close();
  });
  beforeEach(async () => {
    clock = new Date();
    receiver.received.length = 0;
    receiver.answer(() => ({ status: 204 }));
    // Each test starts with no destinations (the limit is five).
    await t.storage.db.deleteFrom('webhooks').where('account_id', '=', account.id).execute();
  });

  const base = () => `/api/v1/accounts/${account.id}/webhooks`;
  async function addWebhook(path: string, categories = ['technical']) {
    const response = await account.admin.request('POST', base(), { url: `${receiver.url}${path}`, categories });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; secret: string; url: string; status: string };
  }
  const raise = (category: string, title = 'Disk almost full') =>
    operator.request('POST', `/api/v1/accounts/${account.id}/notifications`, { category, env: 'production', title, body: 'Line one\nLine two' });
  const log_ = async (id: string) => (await account.admin.request('GET', `${base()}/${id}/deliveries`)).json().items as { status: string; attempts: number; lastError: string | null; eventType: string }[];
  /** Runs the worker until nothing is due, waiting out short retry delays. */
  async function deliverUntilSettled(rounds = 8) {
    for (let i = 0; i < rounds; i += 1) {
      await worker.drain();
      const waiting = await t.storage.db.selectFrom('deliveries').select('id').where('status', 'in', ['queued', 'retrying']).execute();
      if (waiting.length === 0) return;
      await new Promise((r) => setTimeout(r, 320));
    }
  }

  it('adds a destination with a whsec_ secret shown once, and POSTs signed notification events the official library verifies', async () => {
    const hook = await addWebhook('/a', ['technical', 'emergency']);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    const listed = (await account.admin.request('GET', base())).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: hook.id, url: `${receiver.url}/a`, categories: ['technical', 'emergency'], status: 'enabled' })]);
    expect(JSON.stringify(listed)).not.toContain(hook.secret);

    const raised = await raise('technical');
    expect(raised.statusCode, raised.body).toBe(202);
    expect((await raise('merchant_issue')).statusCode).toBe(202); // not a category of this destination
    await deliverUntilSettled();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.headers['content-type']).toBe('application/json');
    const event = new Webhook(hook.secret).verify(request!.body, request!.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({
      type: 'notification.raised',
      data: { notificationId: raised.json().id, accountId: account.id, category: 'technical', env: 'production', title: 'Disk almost full', body: 'Line one\nLine two', test: false },
    });
    // Tampering is caught by the same verifier.
    expect(() => new Webhook(hook.secret).verify(request!.body.replace('Disk', 'Dusk'), request!.headers as Record<string, string>)).toThrow();
    expect(await log_(hook.id)).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, eventType: 'notification.raised' })]);
    // Email contacts still got their emails; the notification's deliveries list only them.
    const list = (await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications?category=technical`)).json();
    expect(list.items[0].deliveries.map((d: { email: string }) => d.email)).toEqual(['dev@partner.example']);
  });

  it('sends signed delivery status events to destinations that asked for them: delivery.sent and delivery.failed', async () => {
    const response = await account.admin.request('POST', base(), { url: `${receiver.url}/status`, categories: ['alert'], deliveryEvents: true });
    expect(response.statusCode, response.body).toBe(201);
    const hook = response.json() as { secret: string; deliveryEvents: boolean };
    expect(hook.deliveryEvents).toBe(true);
    const plain = await addWebhook('/plain', ['alert']);
    const technical = (await raise('technical')).json();
    const merchant = (await raise('merchant_issue', 'Payout stuck')).json();
    await deliverUntilSettled();
    const events = receiver.received.map((r) => ({ path: r.path, event: new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, unknown> } }));
    expect(events.every((e) => e.path === '/status')).toBe(true);
    expect(plain.id).toBeTruthy();
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'delivery.sent', data: expect.objectContaining({ notificationId: technical.id, recipient: 'dev@partner.example', status: 'sent', channel: 'email' }) }),
        expect.objectContaining({
          type: 'delivery.failed',
          data: expect.objectContaining({ notificationId: merchant.id, recipient: 'merchants@partner.example', status: 'failed', lastError: expect.stringContaining('550') }),
        }),
      ]),
    );
    // The events' own deliveries raise no events of their own.
    expect(events.filter((e) => e.event.type.startsWith('delivery.')).length).toBe(events.length);
    expect(events).toHaveLength(2);
  });

  it('signs exactly as the spec says (id.timestamp.body with the base64-decoded key)', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const ours = signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(ours).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('retries after 500s with the same webhook-id, then records the success', async () => {
    const hook = await addWebhook('/flaky');
    let calls = 0;
    receiver.answer(() => ({ status: (calls += 1) <= 2 ? 500 : 200 }));
    await raise('technical');
    await deliverUntilSettled();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(await log_(hook.id)).toEqual([expect.objectContaining({ status: 'sent', attempts: 3 })]);
  });

  it('retries after a timeout, and after a connection error', async () => {
    const hook = await addWebhook('/slow');
    let calls = 0;
    receiver.answer(() => ((calls += 1) === 1 ? { status: 200, delayMs: 1000 } : { status: 200 }));
    await raise('technical');
    await worker.drain();
    const [first] = await log_(hook.id);
    expect(first).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(first!.lastError).toContain('timed out');
    await deliverUntilSettled();
    expect((await log_(hook.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });

    // Nothing listens on a closed receiver's port.
    const gone = await startReceiver();
    await gone.close();
    const response = await account.admin.request('POST', base(), { url: `${gone.url}/x`, categories: ['technical'] });
    const dead = response.json();
    await raise('technical');
    await worker.drain();
    const [attempt] = await log_(dead.id);
    expect(attempt).toMatchObject({ status: 'retrying' });
    expect(attempt!.lastError).toContain('connection failed');
  });

  it('does not follow redirects: a 3xx fails at once and the target is never called', async () => {
    const hook = await addWebhook('/moved');
    receiver.answer((r) => (r.path === '/moved' ? { status: 302, location: `${receiver.url}/elsewhere` } : { status: 200 }));
    await raise('technical');
    await deliverUntilSettled();
    expect(receiver.received.map((r) => r.path)).toEqual(['/moved']);
    const [entry] = await log_(hook.id);
    expect(entry).toMatchObject({ status: 'failed', attempts: 1 });
    expect(entry!.lastError).toContain('redirects are not followed');
  });

  it('checks the address again at send time: a loopback destination is refused once private addresses are not allowed', async () => {
    const hook = await addWebhook('/later-refused');
    await worker.stop();
    worker = startWorker(false);
    await raise('technical');
    await deliverUntilSettled();
    await worker.stop();
    worker = startWorker(true);
    expect(receiver.received).toHaveLength(0);
    const [entry] = await log_(hook.id);
    expect(entry).toMatchObject({ status: 'failed' });
    expect(entry!.lastError).toContain('not a public address');
  });

  it('disables a destination failing for 3 days (injected clock), tells the admins by email, and a successful test event enables it again', async () => {
    const hook = await addWebhook('/down');
    receiver.answer(() => ({ status: 503 }));
    const start = clock.getTime();
    await raise('technical');
    await worker.drain();
    let listed = (await account.admin.request('GET', base())).json().items[0];
    expect(listed).toMatchObject({ status: 'enabled', failingSince: new Date(start).toISOString() });

    clock = new Date(start + 2 * DAY);
    await new Promise((r) => setTimeout(r, 320));
    await worker.drain();
    expect((await account.admin.request('GET', base())).json().items[0].status).toBe('enabled');

    const inboxBefore = t.inbox.length;
    clock = new Date(start + 3 * DAY + 60_000);
    await new Promise((r) => setTimeout(r, 320));
    await worker.drain();
    await worker.drain(); // the admins' email
    listed = (await account.admin.request('GET', base())).json().items[0];
    expect(listed).toMatchObject({ status: 'disabled', disabledAt: clock.toISOString() });
    const mails = t.inbox.slice(inboxBefore).filter((m) => m.subject.startsWith('Webhook disabled'));
    expect(mails.map((m) => m.envelopeTo)).toEqual([[account.adminEmail]]);
    expect(mails[0]!.text).toContain(`${receiver.url}/down`);

    // New notifications are no longer queued for it; what was waiting fails.
    await raise('technical');
    await deliverUntilSettled();
    expect((await log_(hook.id)).every((d) => d.status === 'failed')).toBe(true);

    receiver.answer(() => ({ status: 200 }));
    const test = await account.admin.request('POST', `${base()}/${hook.id}/test`);
    expect(test.statusCode, test.body).toBe(202);
    await deliverUntilSettled();
    expect((await account.admin.request('GET', base())).json().items[0]).toMatchObject({ status: 'enabled', failingSince: null });
    expect(receiver.received.at(-1)!.body).toContain('"type":"webhook.test"');
  });

  it('rotates the secret with an overlap: both signatures are sent and each secret verifies', async () => {
    const hook = await addWebhook('/rotate');
    const rotated = await account.admin.request('POST', `${base()}/${hook.id}/rotate-secret`, { overlapHours: 2 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret: newSecret, previousSecretUntil } = rotated.json();
    expect(newSecret).not.toBe(hook.secret);
    expect(Date.parse(previousSecretUntil) - Date.now()).toBeGreaterThan(1.9 * 60 * 60 * 1000);
    expect((await account.admin.request('POST', `${base()}/${hook.id}/test`)).statusCode).toBe(202);
    await deliverUntilSettled();
    const request = receiver.received.at(-1)!;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [newSecret, hook.secret]) expect(() => new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow();

    // After the overlap only the new secret signs.
    clock = new Date(Date.now() + 3 * 60 * 60 * 1000);
    receiver.received.length = 0;
    await account.admin.request('POST', `${base()}/${hook.id}/test`);
    await deliverUntilSettled();
    const later = receiver.received.at(-1)!;
    expect(String(later.headers['webhook-signature']).split(' ')).toHaveLength(1);
  });

  it('allows five destinations, refuses a sixth with 409, and deleting one drops its waiting deliveries', async () => {
    const hooks = [];
    for (let i = 0; i < 5; i += 1) hooks.push(await addWebhook(`/n${i}`));
    const sixth = await account.admin.request('POST', base(), { url: `${receiver.url}/n6`, categories: ['technical'] });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error.code).toBe('webhook_limit_reached');
    receiver.answer((r) => ({ status: r.path === '/n0' ? 503 : 200 }));
    await raise('technical');
    await worker.drain();
    const removed = await account.admin.request('DELETE', `${base()}/${hooks[0]!.id}`);
    expect(removed.statusCode).toBe(204);
    await deliverUntilSettled();
    // /n0 was tried once, then its retry went with it.
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/n0', '/n1', '/n2', '/n3', '/n4']);
    const left = await t.storage.db.selectFrom('deliveries').select('status').where('webhook_id', '=', hooks[0]!.id).execute();
    expect(left).toEqual([]);
    expect((await account.admin.request('DELETE', `${base()}/${hooks[0]!.id}`)).statusCode).toBe(404);
  });

  it("keeps other accounts' destinations out of reach (404) and editors read-only (403)", async () => {
    const hook = await addWebhook('/mine');
    for (const [method, path] of [['GET', '/deliveries'], ['POST', '/test'], ['POST', '/rotate-secret'], ['DELETE', '']] as const) {
      const response = await other.admin.request(method, `/api/v1/accounts/${other.id}/webhooks/${hook.id}${path}`, method === 'POST' ? {} : undefined);
      expect(response.statusCode, `${method} ${path}`).toBe(404);
    }
    const editor = await addMember(t, account, 'editor');
    expect((await editor.client.request('GET', base())).statusCode).toBe(200);
    expect((await editor.client.request('POST', base(), { url: `${receiver.url}/e`, categories: ['technical'] })).statusCode).toBe(403);
  });
});
