import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = {
  envelopeFrom: string;
  envelopeTo: string[];
  fromHeader: string;
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
};

export type MailCatcher = { url: string; port: number; close(): Promise<void> };

/** Largest message accepted (invitations and notifications are far smaller). */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/**
 * A real SMTP server on loopback that hands every message to `onMessage`. It is the embedded
 * mail catcher of `npm start` (messages go to the operators' Mailbox) and the SMTP peer of tests.
 */
export async function startMailCatcher(
  onMessage: (mail: CaughtMail) => Promise<void> | void,
  options: { port?: number } = {},
): Promise<MailCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
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
          });
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
