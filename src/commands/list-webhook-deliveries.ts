import type { Principal } from '../domain/principal';
import type { Page } from '../storage/paging';
import { listWebhookDeliveries as listStored, type WebhookDeliveryView } from '../storage/webhooks';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { destinationOf } from './parts/webhook-destination';

/** One destination's delivery log, newest first (404 for another account's destination). */
export async function listWebhookDeliveries(
  deps: Deps,
  _principal: Principal,
  input: { scope: AccountScope; webhookId: string; limit: number; cursor?: string },
): Promise<Page<WebhookDeliveryView>> {
  const destination = await destinationOf(deps.storage.db, input.scope.account.id, input.webhookId);
  return listStored(deps.storage.db, destination.id, { limit: input.limit, cursor: input.cursor });
}
