// The fan-out baseline, as a process of its own: nodemailer's pooled SMTP transport sends the
// messages of MESSAGES_FILE (JSON lines: to, subject, text, html) to the sink, with nothing
// durable around it. Prints the seconds the sending took and the process's peak RSS.
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';

const messages = readFileSync(process.env.MESSAGES_FILE!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { to: string; subject: string; text: string; html: string; messageId: string });
const transport = nodemailer.createTransport({
  url: process.env.SMTP_URL!,
  pool: true,
  maxConnections: Number(process.env.SMTP_MAX_CONNECTIONS ?? 4),
  maxMessages: Infinity,
} as never);
const started = performance.now();
await Promise.all(
  messages.map((message) =>
    transport.sendMail({ from: 'Liaison <no-reply@localhost>', ...message, headers: { 'Auto-Submitted': 'auto-generated' } }),
  ),
);
const seconds = (performance.now() - started) / 1000;
transport.close();
process.stdout.write(`${JSON.stringify({ seconds, sent: messages.length, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
