import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import type { Category, Environment } from '../domain/routing';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';
import { escalationTiming } from '../domain/escalation';
import type { AccountScope } from './open-account-scope';
import { queueNotification, type Accepted } from './parts/queue-notification';

/**
 * A platform system (service token) or an operator raises a notification: accepted once it and
 * its deliveries are written; workers send them. 422 production_only / no_route.
 */
export async function raiseNotification(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; category: Category; env: Environment; title: string; body: string; dedupKey?: string; integration?: string },
): Promise<Accepted> {
  const { scope, ...notification } = input;
  if (notification.integration !== undefined && !scope.account.integrations.some((i) => i.type === notification.integration)) {
    throw new DomainError('validation_failed', [{ path: 'integration', code: 'unknown_integration_type' }]);
  }
  return writeTransaction(deps.storage, (tx) =>
    queueNotification(tx, { catalog: deps.catalog, publicUrl: deps.config.publicUrl, escalation: escalationTiming(deps.config) }, scope.account, { ...notification, actor: actorOf(principal) }),
  );
}
