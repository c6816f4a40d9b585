import type { Logger } from './delivery-worker';

export type PollingLoop = {
  /** Runs a pass now (or joins the one running) and resolves with what it did. */
  drain(): Promise<number>;
  /** No new pass after this; resolves once the running one has finished. */
  stop(): Promise<void>;
};

/**
 * The timer loops beside the delivery worker (escalations, contact reviews, cleanup): a pass at
 * start — steps may have come due while no worker ran — then one `pollMs` after each pass ends,
 * never two at once. A failed pass is logged and tried again at the next poll.
 */
export function startPollingLoop(pass: () => Promise<number>, options: { pollMs: number; log: Logger; failure: string }): PollingLoop {
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  function drain(): Promise<number> {
    running ??= pass()
      .catch((error: unknown) => {
        options.log.error({ err: error }, options.failure);
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }
  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => void drain().then(() => schedule(options.pollMs)), delayMs);
    timer.unref();
  }
  schedule(0);
  return {
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
