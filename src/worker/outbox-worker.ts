import type { Mailer } from '../mail/mailer';
import type { Storage } from '../storage/db';
import { claimDue, markAttemptFailed, markSent } from '../storage/outbox';

export type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

export type OutboxWorker = {
  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void;
  /** Sends what is due until nothing is; resolves with how many were attempted. */
  drain(): Promise<number>;
  stop(): Promise<void>;
};

const BATCH = 20;

/**
 * The delivery loop: claim due outbox rows, send each over SMTP, record the outcome.
 * Runs inside the web process (LIAISON_WORKER=embedded) or alone (`npm run worker`).
 */
export function startOutboxWorker(options: { storage: Storage; mailer: Mailer; log: Logger; pollMs?: number }): OutboxWorker {
  const { storage, mailer, log } = options;
  const pollMs = options.pollMs ?? 2000;
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function sendBatch(): Promise<number> {
    const items = await claimDue(storage.db, storage.dialect, BATCH);
    await Promise.all(
      items.map(async (item) => {
        try {
          await mailer.send(item.mail);
          await markSent(storage.db, item.id);
        } catch (error) {
          const status = await markAttemptFailed(storage.db, item, error instanceof Error ? error.message : String(error));
          log.warn({ outboxId: item.id, attempts: item.attempts, status, err: error }, 'mail delivery failed');
        }
      }),
    );
    return items.length;
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (let sent = BATCH; sent === BATCH && !stopped; ) {
      sent = await sendBatch();
      total += sent;
    }
    return total;
  }

  let again = false;
  function drain(): Promise<number> {
    // One pass at a time; a wake during a pass makes it go round once more.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drainOnce();
      } while (again && !stopped);
      return total;
    })()
      .catch((error: unknown) => {
        log.error({ err: error }, 'outbox pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => void drain().then(schedule), pollMs);
    timer.unref();
  }
  schedule();

  return {
    wake() {
      if (!stopped) void drain();
    },
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
