import { DomainError } from '../domain/errors';
import { integrationName } from '../domain/integrations';
import { SUPPORTED_LOCALES } from '../domain/locales';
import { actorOf, type Principal } from '../domain/principal';
import { lockAccount, setIntegrationStatus as storeIntegrationStatus, type AccountIntegration } from '../storage/accounts';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';
import { escalationTiming } from '../domain/escalation';
import { presentAccount, type AccountDetail } from './get-account';
import type { AccountScope } from './open-account-scope';
import { queueNotification } from './parts/queue-notification';

/**
 * An operator disables an integration (with a reason) or enables it again. Disabling tells the
 * technical emergency contacts at once (an `emergency` notification); enabling tells the
 * technical contacts (`technical`). Audited; a switch to the current state changes nothing.
 */
export async function setIntegrationStatus(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; type: string; status: AccountIntegration['status']; reason?: string },
): Promise<AccountDetail> {
  const { account } = input.scope;
  const current = account.integrations.find((i) => i.type === input.type);
  if (!current) throw new DomainError('not_found');
  if (input.status === 'disabled' && !input.reason) throw new DomainError('validation_failed', [{ path: 'reason', code: 'required' }]);
  if (current.status === input.status) return presentAccount(deps, account);

  const actor = actorOf(principal);
  const entry = deps.catalog.get(input.type);
  const integration = entry?.name ?? input.type;
  // Each reader sees the integration's name in their language (`integration.he`, …).
  const names = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [`integration.${locale}`, entry ? integrationName(entry, locale) : input.type]));
  await writeTransaction(deps.storage, async (tx) => {
    await lockAccount(tx, deps.storage.dialect, account.id);
    await storeIntegrationStatus(tx, { accountId: account.id, type: input.type, status: input.status, reason: input.reason ?? null });
    await recordAudit(tx, {
      accountId: account.id,
      actor,
      action: input.status === 'disabled' ? 'integration.disabled' : 'integration.enabled',
      changes: [
        { field: `integrations.${input.type}`, before: current.status, after: input.status },
        ...(input.reason ? [{ field: 'reason', before: null, after: input.reason }] : []),
      ],
    });
    const disabled = input.status === 'disabled';
    const params = { integration, ...names, ...(input.reason ? { reason: input.reason } : {}) };
    try {
      await queueNotification(tx, { catalog: deps.catalog, publicUrl: deps.config.publicUrl, escalation: escalationTiming(deps.config) }, account, {
        category: disabled ? 'emergency' : 'technical',
        env: 'production',
        title: disabled ? `Integration disabled: ${integration}` : `Integration enabled again: ${integration}`,
        body: input.reason ? `Reason given: ${input.reason}` : '',
        template: { id: disabled ? 'integration_disabled' : 'integration_enabled', params },
        actor,
      });
    } catch (error) {
      // An account without those contacts yet (onboarding) is still switched; there is nobody to tell.
      if (!(error instanceof DomainError && error.code === 'no_route')) throw error;
    }
  });
  return presentAccount(deps, { ...account, integrations: account.integrations.map((i) => (i.type === input.type ? { ...i, status: input.status } : i)) });
}
