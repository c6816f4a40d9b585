import { setImmediate } from 'node:timers/promises';
import { DomainError } from '../domain/errors';
import { actorOf, isPlatform, type Actor, type Principal } from '../domain/principal';
import type { Category, Environment } from '../domain/routing';
import { findAccounts } from '../storage/accounts';
import {
  broadcastAccounts,
  claimBroadcast,
  findBroadcast,
  insertBroadcast,
  listBroadcasts,
  recordBroadcastProgress,
  type Broadcast,
} from '../storage/broadcasts';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';
import { queueNotification } from './parts/queue-notification';

/** An operator (or the CLI) accepts a broadcast: one job, fanned out in the background in batches. */
export async function createBroadcast(
  deps: Deps,
  principal: Principal,
  input: { category: Category; env: Environment; title: string; body: string; integrationType?: string | null },
): Promise<Broadcast> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  const integrationType = input.integrationType ?? null;
  if (integrationType !== null && !deps.catalog.has(integrationType)) {
    throw new DomainError('validation_failed', [{ path: 'integrationType', code: 'unknown_integration_type' }]);
  }
  if (input.category === 'alert' && input.env !== 'production') throw new DomainError('production_only');
  return insertBroadcast(deps.storage.db, { ...input, integrationType, actor: actorOf(principal) });
}

export async function getBroadcast(deps: Deps, principal: Principal, input: { id: string }): Promise<Broadcast> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  const broadcast = await findBroadcast(deps.storage.db, input.id);
  if (!broadcast) throw new DomainError('not_found');
  return broadcast;
}

export async function listRecentBroadcasts(deps: Deps, principal: Principal): Promise<Broadcast[]> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  return listBroadcasts(deps.storage.db);
}

/**
 * Liaison's own job: claims a running broadcast under a lease and fans it out, `batchSize`
 * accounts per transaction. Each batch writes its notifications (with their deliveries) and the
 * broadcast's progress in one transaction, the progress only under the lease token: a worker that
 * lost its lease rolls its batch back, so every account gets the notification exactly once.
 * Returns the broadcast it worked on (finished, or where it stopped), undefined when none was due.
 */
export async function processBroadcast(
  deps: Deps,
  options: { batchSize?: number; leaseMs?: number; id?: string; onProgress?: (broadcast: Broadcast) => void; signal?: AbortSignal } = {},
): Promise<Broadcast | undefined> {
  const batchSize = options.batchSize ?? 200;
  const leaseMs = options.leaseMs ?? 30_000;
  const { db } = deps.storage;
  const claimed = await claimBroadcast(db, leaseMs, options.id);
  if (!claimed) return undefined;
  const actor: Actor = { kind: claimed.created_by_kind, id: claimed.created_by_id, name: claimed.created_by_name };
  let after = claimed.after_account_id;
  for (;;) {
    const outcome = await writeTransaction(deps.storage, async (tx) => {
      const ids = (await broadcastAccounts(tx, claimed.integration_type, after).limit(batchSize).execute()).map((r) => r.id);
      let queued = 0;
      let skipped = 0;
      for (const account of await findAccounts(tx, ids)) {
        try {
          const accepted = await queueNotification(tx, { catalog: deps.catalog, publicUrl: deps.config.publicUrl }, account, {
            category: claimed.category,
            env: claimed.env,
            title: claimed.title,
            body: claimed.body,
            // A second safety: the same broadcast can never notify an account twice within the window.
            dedupKey: `broadcast:${claimed.id}`,
            actor,
          });
          if (!accepted.deduplicated) queued += accepted.recipients.length;
        } catch (error) {
          if (error instanceof DomainError && (error.code === 'no_route' || error.code === 'production_only')) skipped++;
          else throw error;
        }
      }
      const finished = ids.length < batchSize;
      const last = ids.at(-1) ?? after;
      const recorded = await recordBroadcastProgress(tx, { id: claimed.id, token: claimed.token, after: last, done: ids.length, skipped, queued, finished, leaseMs });
      if (!recorded) throw new LeaseLost();
      return { finished, last };
    }).catch((error: unknown) => {
      if (error instanceof LeaseLost) return undefined;
      throw error;
    });
    const current = await findBroadcast(db, claimed.id);
    if (current) options.onProgress?.(current);
    if (!outcome || outcome.finished) return current;
    // A worker that is stopping ends after the batch it was in: the progress is recorded, and
    // any worker takes the rest up once the lease runs out.
    if (options.signal?.aborted) return current;
    after = outcome.last;
    // Timers and sockets get their turn between batches: SQLite's queries are synchronous, so
    // without this a broadcast to 100,000 accounts held the process for its whole fan-out
    // (~20 s: no mail sent meanwhile, and no request answered by a web process that runs it).
    await setImmediate();
  }
}

class LeaseLost extends Error {}
