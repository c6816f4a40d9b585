import type { Locale } from '../domain/locales';
import { isSupportedLocale } from '../domain/locales';
import { webhookDisabledEmail } from '../mail/templates';
import { findAccount } from '../storage/accounts';
import { writeTransaction, type Storage } from '../storage/db';
import { enqueueEmails, type ClaimedDelivery } from '../storage/deliveries';
import { deliveryEventTargets, disableWebhook, enqueueWebhookEvents, findWebhookById, markWebhookFailing, markWebhookHealthy } from '../storage/webhooks';
import { postWebhook, WebhookAttemptError } from '../webhooks/post';
import { webhookHeaders } from '../webhooks/signature';

export type WebhookDeliveryOptions = {
  /** WEBHOOK_ALLOW_PRIVATE: send to loopback and private addresses too (development, tests). */
  allowPrivate: boolean;
  /** One attempt's bound, connection to last byte. */
  timeoutMs: number;
  /** A destination failing this long without a success is disabled and its account's admins told. */
  disableAfterMs: number;
  /** Links in the admins' email. */
  publicUrl: string;
  /** The clock of signatures and of the failure period (tests move it). */
  now: () => Date;
};

export const DEFAULT_WEBHOOK_OPTIONS: WebhookDeliveryOptions = {
  allowPrivate: false,
  timeoutMs: 10_000,
  disableAfterMs: 3 * 24 * 60 * 60 * 1000,
  publicUrl: 'http://localhost:3000',
  now: () => new Date(),
};

export type WebhookSender = {
  /** One signed POST; throws WebhookAttemptError (with `permanent`) when it failed. */
  send(item: ClaimedDelivery): Promise<void>;
  /** After the outcome is recorded: a success ends the destination's failures, a failure may disable it. */
  succeeded(item: ClaimedDelivery): Promise<void>;
  failed(item: ClaimedDelivery): Promise<void>;
};

/** Sends webhook deliveries of the outbox and keeps each destination's health. */
export function createWebhookSender(storage: Storage, options: WebhookDeliveryOptions): WebhookSender {
  return {
    async send(item) {
      const destination = item.webhookId ? await findWebhookById(storage.db, item.webhookId) : undefined;
      if (!destination) throw new WebhookAttemptError('the destination was deleted', true);
      if (destination.status !== 'enabled' && item.mail.subject !== 'webhook.test') {
        throw new WebhookAttemptError('the destination is disabled', true);
      }
      const now = options.now();
      const secrets = [destination.secret];
      if (destination.previous_secret && destination.previous_secret_until && Date.parse(destination.previous_secret_until) > now.getTime()) {
        secrets.push(destination.previous_secret);
      }
      // webhook-id is the delivery's id: the same across retries, so receivers can drop repeats.
      const headers = webhookHeaders(secrets, item.id, Math.floor(now.getTime() / 1000), item.mail.text);
      await postWebhook({ url: destination.url, headers, body: item.mail.text, timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivate });
    },
    async succeeded(item) {
      if (item.webhookId) await markWebhookHealthy(storage.db, item.webhookId);
    },
    async failed(item) {
      if (!item.webhookId) return;
      const now = options.now();
      const since = await markWebhookFailing(storage.db, item.webhookId, now.toISOString());
      if (!since || now.getTime() - Date.parse(since) < options.disableAfterMs) return;
      await writeTransaction(storage, async (tx) => {
        const destination = await findWebhookById(tx, item.webhookId!);
        if (!destination || !(await disableWebhook(tx, destination.id, now.toISOString()))) return;
        const account = await findAccount(tx, destination.account_id);
        if (!account) return;
        const admins = await tx
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.email', 'users.locale'])
          .where('memberships.account_id', '=', account.id)
          .where('memberships.role', '=', 'admin')
          .execute();
        const days = Math.max(1, Math.round(options.disableAfterMs / (24 * 60 * 60 * 1000)));
        await enqueueEmails(
          tx,
          admins.map((admin) =>
            webhookDisabledEmail({
              to: admin.email,
              locale: (isSupportedLocale(admin.locale) ? admin.locale : isSupportedLocale(account.language) ? account.language : 'en') as Locale,
              accountId: account.id,
              accountName: account.name,
              url: destination.url,
              days,
              publicUrl: options.publicUrl,
            }),
          ),
        );
      });
    },
  };
}

/**
 * Delivery status events: for email deliveries of notifications whose outcome was just recorded,
 * a signed `delivery.sent` / `delivery.retrying` / `delivery.failed` event to each destination of
 * the account that asked for them. Queued right after the outcome (a crash in between loses the
 * event, never the email); webhook deliveries themselves raise none.
 */
export async function queueDeliveryEvents(storage: Storage, deliveryIds: string[]): Promise<number> {
  const targets = await deliveryEventTargets(storage.db, deliveryIds);
  if (targets.length === 0) return 0;
  const byDelivery = new Map<string, typeof targets>();
  for (const target of targets) byDelivery.set(target.deliveryId, [...(byDelivery.get(target.deliveryId) ?? []), target]);
  await writeTransaction(storage, async (tx) => {
    for (const [deliveryId, group] of byDelivery) {
      const first = group[0]!;
      await enqueueWebhookEvents(
        tx,
        group.map((t) => ({ id: t.webhookId, url: t.url })),
        {
          type: `delivery.${first.status}`,
          timestamp: new Date().toISOString(),
          data: {
            deliveryId,
            notificationId: first.notificationId,
            accountId: first.accountId,
            category: first.category,
            channel: 'email',
            recipient: first.recipient,
            status: first.status,
            attempts: Number(first.attempts),
            lastError: first.lastError,
          },
        },
      );
    }
  });
  return targets.length;
}
