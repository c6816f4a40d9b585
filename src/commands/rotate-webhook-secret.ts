import { actorOf, type Principal } from '../domain/principal';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { findWebhookRow, rotateWebhookSecret as storeRotation, toWebhook, type Webhook } from '../storage/webhooks';
import { newWebhookSecret } from '../webhooks/signature';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { destinationOf } from './parts/webhook-destination';

/** How long the old secret keeps signing after a rotation unless the caller says otherwise. */
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;

/**
 * A new secret for a destination, in the answer and never again. For `overlapHours` (0 to 168)
 * every delivery carries both signatures, so the receiver can switch without losing events.
 */
export async function rotateWebhookSecret(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; webhookId: string; overlapHours?: number },
): Promise<{ webhook: Webhook; secret: string }> {
  const account = input.scope.account;
  return writeTransaction(deps.storage, async (tx) => {
    const destination = await destinationOf(tx, account.id, input.webhookId);
    const secret = newWebhookSecret();
    await storeRotation(tx, destination.id, secret, (input.overlapHours ?? DEFAULT_ROTATION_OVERLAP_HOURS) * 60 * 60 * 1000);
    await recordAudit(tx, { accountId: account.id, actor: actorOf(principal), action: 'webhook.secretRotated', changes: [{ field: 'webhook', before: destination.url, after: destination.url }] });
    return { webhook: toWebhook((await findWebhookRow(tx, account.id, destination.id))!), secret };
  });
}
