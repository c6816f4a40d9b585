import { DomainError } from '../domain/errors';
import type { IntegrationCatalog } from '../domain/integrations';
import type { Locale } from '../domain/locales';
import { insertAccount, type Account } from '../storage/accounts';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction, type Storage } from '../storage/db';
import { inviteUser } from './invite-user';

/** An operator creates a partner account; its first admin is invited in the same transaction. */
export async function createAccount(
  storage: Storage,
  catalog: IntegrationCatalog,
  input: {
    name: string;
    integrations: string[];
    adminEmail: string;
    locale: Locale;
    operator: { id: string; name: string };
    publicUrl: string;
  },
): Promise<Account> {
  const unknown = input.integrations
    .map((type, index) => ({ type, index }))
    .filter(({ type }) => !catalog.has(type))
    .map(({ index }) => ({ path: `integrations.${index}`, code: 'unknown_integration_type' }));
  const duplicates = input.integrations
    .map((type, index) => ({ type, index }))
    .filter(({ type, index }) => input.integrations.indexOf(type) !== index)
    .map(({ index }) => ({ path: `integrations.${index}`, code: 'duplicate' }));
  if (unknown.length + duplicates.length > 0) throw new DomainError('validation_failed', [...unknown, ...duplicates]);

  return writeTransaction(storage, async (tx) => {
    const account = await insertAccount(tx, { name: input.name, integrations: input.integrations });
    await recordAudit(tx, {
      accountId: account.id,
      actor: input.operator,
      action: 'account.created',
      changes: [
        { field: 'name', before: null, after: account.name },
        { field: 'integrations', before: null, after: input.integrations },
      ],
    });
    await inviteUser(tx, {
      accountId: account.id,
      accountName: account.name,
      email: input.adminEmail,
      role: 'admin',
      locale: input.locale,
      inviter: { id: input.operator.id, name: input.operator.name },
      publicUrl: input.publicUrl,
    });
    return account;
  });
}
