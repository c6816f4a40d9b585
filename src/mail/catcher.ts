import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ReceivedMail } from '../storage/mailbox';

/** A message as the catcher received it: what the Mailbox stores, plus what tests look at. */
export type CaughtMail = ReceivedMail & {
  messageId: string;
  /** Header names lower-cased, values as text. */
  headers: Record<string, string>;
};

export type MailCatcher = { url: string; port: number; close(): Promise<void> };

/** Largest message accepted (invitations and notifications are far smaller). */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return (value as { text?: string; value?: string } | null)?.text ?? JSON.stringify(value);
}

/**
 * A real SMTP server on loopback that hands every message to `onMessage`. It is the embedded
 * mail catcher of `npm start` (messages go to the operators' Mailbox) and the SMTP peer of tests.
 */
export async function startMailCatcher(
  onMessage: (mail: CaughtMail) => Promise<void> | void,
  options: {
    port?: number;
    /** Recipients answered `550` at RCPT TO, as a server does for a deleted mailbox. */
    refuse?: string[];
    /** Answer each message this much later, as a busy server does. */
    delayMs?: number;
  } = {},
): Promise<MailCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address.toLowerCase())) {
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          await onMessage({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            fromHeader: addressText(parsed.from),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            receivedAt: new Date().toISOString(),
            messageId: parsed.messageId ?? '',
            headers: {
              ...Object.fromEntries([...parsed.headers].map(([name, value]) => [name, headerText(value)])),
              // The parser folds List-* headers into one object: keep each as written (unfolded).
              ...Object.fromEntries(
                parsed.headerLines.filter((h) => h.key.startsWith('list-')).map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()]),
              ),
            },
          });
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
