import nodemailer from 'nodemailer';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable id so a retried delivery is recognisable as the same message. */
  messageId: string;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
};

export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/**
 * The one mailer: nodemailer over a small pool of reused SMTP connections to `SMTP_URL` (or the
 * embedded catcher's URL), never one connection per message.
 */
export function createMailer(options: { smtpUrl: string; from: string; maxConnections?: number }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: Infinity,
    // Fail fast: the outbox retries, so a hung server must not hold a worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        ...mail,
        // Machines answer machines badly: tell auto-responders and vacation replies to stay quiet.
        headers: { ...mail.headers, 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
