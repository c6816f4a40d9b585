import type { Deps } from '../commands/deps';
import { processBroadcast } from '../commands/broadcast';
import type { Logger } from './delivery-worker';

/**
 * The small job loop of broadcasts, beside the delivery worker: every `intervalMs` it takes a
 * running broadcast whose lease is free and fans it out in batches (see processBroadcast).
 */
export function startBroadcastLoop(deps: Deps, options: { log: Logger; intervalMs?: number; leaseMs?: number }) {
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      while (!stopping.signal.aborted && (await processBroadcast(deps, { leaseMs: options.leaseMs, signal: stopping.signal }))) {
        // another one may be waiting
      }
    } catch (error) {
      options.log.error({ err: error }, 'broadcast batch failed; retried after the lease');
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, options.intervalMs ?? 2_000);
  return {
    /** Stops after the batch in progress (a broadcast's rest is taken up once its lease runs out). */
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
