import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import type { Category } from '../domain/routing';
import { writeTransaction } from '../storage/db';
import { countTestsSince } from '../storage/notifications';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { queueNotification, type Accepted } from './parts/queue-notification';

/** Test notifications per account and window: enough to check every category a few times, too few to spam anyone. */
export const TEST_NOTIFICATION_LIMIT = { perWindow: 10, windowMs: 60 * 60 * 1000 };

/**
 * "Send test notification": real emails, marked as a test, to the category's recipients now
 * (Production, where alerts go). Rate limited per account (429 with Retry-After).
 */
export async function sendTestNotification(deps: Deps, principal: Principal, input: { scope: AccountScope; category: Category }): Promise<Accepted> {
  const account = input.scope.account;
  return writeTransaction(deps.storage, async (tx) => {
    const now = Date.now();
    const { count, oldest } = await countTestsSince(tx, account.id, new Date(now - TEST_NOTIFICATION_LIMIT.windowMs).toISOString());
    if (count >= TEST_NOTIFICATION_LIMIT.perWindow) {
      const freeAt = Date.parse(oldest!) + TEST_NOTIFICATION_LIMIT.windowMs;
      throw new DomainError('rate_limited', [], { seconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) });
    }
    return queueNotification(tx, { catalog: deps.catalog, publicUrl: deps.config.publicUrl }, account, {
      category: input.category,
      env: 'production',
      title: 'Test notification',
      body: '',
      test: true,
      template: { id: 'test', params: {} },
      actor: actorOf(principal),
    });
  });
}
