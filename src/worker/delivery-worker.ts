import { afterFailure, DEFAULT_DELIVERY_POLICY, isPermanentSmtpFailure, type DeliveryPolicy } from '../domain/delivery-policy';
import type { Mailer } from '../mail/mailer';
import { recordBounce } from '../commands/record-bounce';
import type { Deps } from '../commands/deps';
import { SYSTEM } from '../domain/principal';
import type { Storage } from '../storage/db';
import { recoverDelivered } from '../storage/contact-health';
import { claimDue, markFailed, markSentMany, renewLeases, type ClaimedDelivery } from '../storage/deliveries';
import { deliveryAttempts, deliveryLatency } from './metrics';
import { WebhookAttemptError } from '../webhooks/post';
import { createWebhookSender, DEFAULT_WEBHOOK_OPTIONS, queueDeliveryEvents, type WebhookDeliveryOptions } from './webhook-deliveries';

export type Logger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type DeliveryWorker = {
  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void;
  /** Sends what is due until nothing is; resolves with how many were attempted. */
  drain(): Promise<number>;
  stop(): Promise<void>;
};

/** Sent deliveries recorded per statement. */
const RECORD_EVERY = 10;
/** Claim loops at most, when there is more work than one batch. */
const CLAIM_LOOPS = 2;

export type DeliveryWorkerOptions = {
  storage: Storage;
  mailer: Mailer;
  log: Logger;
  /** Fallback poll when no wake-up arrives (other processes on SQLite, a lost NOTIFY). */
  pollMs?: number;
  /** Deliveries claimed per round trip. */
  batchSize?: number;
  policy?: Partial<DeliveryPolicy>;
  /**
   * Told of each delivery failed for good by an SMTP 5xx (once recorded), to mark its address
   * bouncing (commands/record-bounce.ts); its own errors are logged, never the delivery's.
   */
  onBounce?: (delivery: { id: string; to: string }, error: string) => Promise<unknown>;
  /** How webhook deliveries are sent (SSRF guard, timeout, failure period, clock). */
  webhooks?: Partial<WebhookDeliveryOptions>;
};

/** The worker's `onBounce`: marks the address bouncing and tells admins and operators (commands/record-bounce.ts). */
export function bounceRecorder(deps: Deps): NonNullable<DeliveryWorkerOptions['onBounce']> {
  return (delivery, error) => recordBounce(deps, SYSTEM, { deliveryId: delivery.id, error });
}

function isTimeoutAfterData(error: unknown): boolean {
  const e = error as { code?: unknown; command?: unknown } | null;
  return e?.code === 'ETIMEDOUT' && e.command === 'DATA';
}

/**
 * The delivery loop: claim due deliveries under a lease, send each over SMTP (the mailer's pool
 * bounds how many at once), renew the lease while sending, record the outcome under the lease
 * token. Runs in the web process (LIAISON_WORKER=embedded) or alone (`npm run worker`); wakes on
 * commits that queue deliveries, from any process on PostgreSQL.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { storage, mailer, log } = options;
  const pollMs = options.pollMs ?? 2000;
  const batchSize = options.batchSize ?? 50;
  const policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
  let stopped = false;
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const webhooks = createWebhookSender(storage, { ...DEFAULT_WEBHOOK_OPTIONS, ...options.webhooks });

  async function recordFailure(item: ClaimedDelivery, error: unknown): Promise<void> {
    const outcome = afterFailure(policy, {
      attempts: item.attempts,
      ageMs: Date.parse(item.claimedAt) - Date.parse(item.createdAt),
      permanent: error instanceof WebhookAttemptError ? error.permanent : isPermanentSmtpFailure(error),
    });
    // A timeout once the server had the message (after DATA) may mean it was sent: the retry
    // carries the same Message-ID, so receivers can tell.
    const possiblySent = isTimeoutAfterData(error);
    const message = `${possiblySent ? 'possibly sent (timeout after DATA); ' : ''}${error instanceof Error ? error.message : String(error)}`;
    const recorded = await markFailed(storage.db, item, outcome, message);
    deliveryAttempts.inc({ outcome: recorded ? outcome.status : 'lease_lost' });
    if (recorded && outcome.status === 'failed' && isPermanentSmtpFailure(error) && options.onBounce) {
      await options.onBounce({ id: item.id, to: item.mail.to }, message).catch((bounceError: unknown) =>
        log.error({ deliveryId: item.id, err: bounceError }, 'could not record a bounce'),
      );
    }
    if (recorded && item.channel === 'webhook') await webhooks.failed(item);
    if (recorded && item.channel === 'email') await statusEvents([item.id]);
    log.warn(
      { deliveryId: item.id, messageId: item.mail.messageId, attempts: item.attempts, status: outcome.status, recorded, possiblySent, err: error },
      possiblySent ? 'delivery possibly sent: timed out after DATA; retrying with the same Message-ID' : 'delivery attempt failed',
    );
  }

  /** Delivery status events for the account's webhooks that asked for them; a failure here never fails the delivery. */
  async function statusEvents(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await queueDeliveryEvents(storage, ids).catch((error: unknown) => log.warn({ err: error, deliveryIds: ids }, 'could not queue delivery status events'));
  }

  /** Records sent deliveries a few at a time: one statement for several messages. */
  async function recordSent(items: ClaimedDelivery[]): Promise<void> {
    if (items.length === 0) return;
    const recorded = await markSentMany(storage.db, items.map((item) => item.id), items[0]!.leaseToken);
    // Mail reaching an address that was bouncing ends its bouncing (contact health).
    await recoverDelivered(storage.db, [...recorded]).catch((error: unknown) => log.warn({ err: error }, 'could not update contact health after deliveries'));
    await statusEvents(items.filter((item) => item.channel === 'email' && recorded.has(item.id)).map((item) => item.id));
    const now = Date.now();
    for (const item of items) {
      if (recorded.has(item.id)) {
        deliveryAttempts.inc({ outcome: 'sent' });
        if (item.channel === 'webhook') await webhooks.succeeded(item);
        deliveryLatency.observe(Math.max(0, (now - Date.parse(item.createdAt)) / 1000));
      } else {
        // Our lease ran out while sending and another worker took the delivery over: its outcome stands.
        deliveryAttempts.inc({ outcome: 'lease_lost' });
        log.warn({ deliveryId: item.id, messageId: item.mail.messageId }, 'delivery sent after its lease expired; possibly sent twice');
      }
    }
  }

  /** Claims and sends one batch; `onFull` is told at once when the claim came back full (more work waits). */
  async function sendBatch(onFull: () => void): Promise<number> {
    const items = await claimDue(storage.db, { limit: batchSize, leaseMs: policy.leaseMs });
    if (items.length === 0) return 0;
    if (items.length === batchSize) onFull();
    const inFlight = new Set(items.map((item) => item.id));
    const renew = setInterval(() => {
      renewLeases(storage.db, [...inFlight], items[0]!.leaseToken, policy.leaseMs).catch((error: unknown) =>
        log.warn({ err: error }, 'could not renew delivery leases'),
      );
    }, policy.leaseMs / 3);
    // Sent messages wait here until a few are done (or the batch is), then are recorded together.
    // A crash before that resends them after the lease, with the same Message-ID.
    let sent: ClaimedDelivery[] = [];
    const flush = async () => {
      const done = sent;
      sent = [];
      await recordSent(done).finally(() => done.forEach((item) => inFlight.delete(item.id)));
    };
    try {
      await Promise.all(
        items.map(async (item) => {
          try {
            try {
              if (item.channel === 'webhook') await webhooks.send(item);
              else await mailer.send(item.mail);
            } catch (error) {
              await recordFailure(item, error);
              inFlight.delete(item.id);
              return;
            }
            sent.push(item);
            if (sent.length >= RECORD_EVERY) await flush();
          } catch (error) {
            // The outcome could not be recorded (database away): the lease runs out and the delivery is retried.
            log.error({ deliveryId: item.id, err: error }, 'could not record a delivery outcome');
          }
        }),
      );
      await flush();
    } catch (error) {
      log.error({ err: error }, 'could not record delivery outcomes');
    } finally {
      clearInterval(renew);
    }
    return items.length;
  }

  function drain(): Promise<number> {
    // One pass at a time; a wake during a pass makes it go round once more.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      // While claims come back full, a second loop claims the next batch, so the SMTP pool has
      // work ready while one batch finishes; a trickle of work stays with one loop.
      let loops = 0;
      const extra: Promise<void>[] = [];
      const loop = async (): Promise<void> => {
        loops += 1;
        try {
          for (let claimed = batchSize; claimed === batchSize && !stopped; ) {
            claimed = await sendBatch(() => {
              if (loops < CLAIM_LOOPS) extra.push(loop());
            });
            total += claimed;
          }
        } finally {
          loops -= 1;
        }
      };
      do {
        again = false;
        await loop();
        while (extra.length > 0) await extra.shift();
      } while (again && !stopped);
      return total;
    })()
      .catch((error: unknown) => {
        log.error({ err: error }, 'delivery pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(delayMs = pollMs) {
    if (stopped) return;
    timer = setTimeout(() => void drain().then(() => schedule()), delayMs);
    timer.unref();
  }

  const wake = () => {
    if (!stopped) void drain();
  };
  const unsubscribe = storage.listen('deliveries', wake).catch((error: unknown) => {
    log.warn({ err: error }, 'could not listen for delivery wake-ups; polling only');
    return async () => {};
  });
  // A worker that starts (or restarts after a crash) looks at once: work may be waiting.
  schedule(0);

  return {
    wake,
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await (await unsubscribe)();
      await running;
    },
  };
}
