import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../src/mail/catcher';
import { createMailer } from '../../src/mail/mailer';
import { storeCaughtMail } from '../../src/storage/mailbox';
import { createTestApp, createUser, signInAs, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('embedded mail catcher and Mailbox on %s', (dialect) => {
  let t: TestApp;
  let catcher: MailCatcher;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The catcher `npm start` runs: a real SMTP server writing into the database.
    catcher = await startMailCatcher((mail) => storeCaughtMail(t.storage.db, mail));
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    await createUser(t, { email: 'ana@partner.example' });
  });
  afterAll(async () => {
    await catcher.close();
    await t.close();
  });

  it('receives mail sent over SMTP and shows it to operators', async () => {
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'Liaison <no-reply@localhost>' });
    await mailer.send({
      to: 'dev@partner.example',
      subject: 'Zażółć gęślą jaźń ✓',
      text: 'Plain body',
      html: '<p dir="auto">HTML body</p>',
      messageId: '<mailbox-test@liaison>',
    });
    mailer.close();

    const operator = await signInAs(t, 'ops@liaison.test');
    const response = await operator.request('GET', '/api/v1/operator/mailbox');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        {
          id: expect.stringMatching(/^m_/),
          from: '"Liaison" <no-reply@localhost>',
          to: ['dev@partner.example'],
          subject: 'Zażółć gęślą jaźń ✓',
          text: 'Plain body',
          html: '<p dir="auto">HTML body</p>',
          receivedAt: expect.stringMatching(/Z$/),
        },
      ],
      nextCursor: null,
    });
  });

  it('is invisible to partner users (404) and to anonymous callers (401)', async () => {
    const partner = await signInAs(t, 'ana@partner.example');
    const response = await partner.request('GET', '/api/v1/operator/mailbox');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/operator/mailbox' })).statusCode).toBe(401);
  });
});
