import type { Db } from './db';

/** How long rate-limit counts are kept: longer than the longest window counted (one hour). */
export const FAILURES_KEPT_MS = 24 * 60 * 60 * 1000;

export type RemovedRows = { sessions: number; pendingSignIns: number; passwordResets: number; signInFailures: number; dedupKeys: number };

/**
 * Deletes the rows that can no longer mean anything at `now`: ended sessions, pending sign-ins
 * and reset links past their expiry (an unknown link answers like an expired one), failed
 * sign-ins older than every rate-limit window, dedup keys whose window closed. Idempotent, so
 * any number of workers may run it at once. The audit and security logs, invitations and
 * notifications are history and stay.
 */
export async function removeExpiredRows(db: Db, now: Date): Promise<RemovedRows> {
  const at = now.toISOString();
  const removed = async (query: { executeTakeFirst(): Promise<{ numDeletedRows: bigint }> }) => Number((await query.executeTakeFirst()).numDeletedRows);
  return {
    sessions: await removed(db.deleteFrom('sessions').where('expires_at', '<=', at)),
    pendingSignIns: await removed(db.deleteFrom('pending_sign_ins').where('expires_at', '<=', at)),
    passwordResets: await removed(db.deleteFrom('password_resets').where('expires_at', '<=', at)),
    signInFailures: await removed(db.deleteFrom('sign_in_failures').where('failed_at', '<', new Date(now.getTime() - FAILURES_KEPT_MS).toISOString())),
    dedupKeys: await removed(db.deleteFrom('dedup_keys').where('window_ends_at', '<=', at)),
  };
}
