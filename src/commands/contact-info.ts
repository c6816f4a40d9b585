import {
  changedFields,
  emptyContactInfo,
  missingFields,
  validateContactInfo,
  type ContactInfo,
} from '../domain/contact-info';
import type { ContactField } from '../domain/contact-fields';
import { DomainError } from '../domain/errors';
import { hasMerchantIssueContacts, type IntegrationCatalog } from '../domain/integrations';
import { recipientsFor, type Category } from '../domain/routing';
import { lockAccount, type Account } from '../storage/accounts';
import { recordAudit, type Actor, type AuditChange } from '../storage/audit-log';
import { findContactInfo, setAccountComplete, writeContactInfo } from '../storage/contact-info';
import { writeTransaction, type Db, type Storage } from '../storage/db';
import { listAllMembers } from '../storage/memberships';

export type Environment = 'production' | 'sandbox';

/** The contact information as the API shows it (alert contacts with their current email and name). */
export type ContactInfoView = Omit<ContactInfo, 'alertContacts'> & {
  version: number;
  complete: boolean;
  missing: ContactField[];
  alertContacts: { userId: string; email: string; name: string }[];
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
};

type Members = Map<string, { email: string; name: string; locale: string | null }>;

async function membersOf(db: Db, accountId: string): Promise<Members> {
  const members = await listAllMembers(db, accountId);
  return new Map(members.map((m) => [m.userId, { email: m.email, name: m.name, locale: m.locale }]));
}

/** The account's current document (an empty one before the first save) and what it misses. */
export async function loadContactInfo(db: Db, catalog: IntegrationCatalog, account: Account) {
  const merchant = hasMerchantIssueContacts(catalog, account.integrations.map((i) => i.type));
  const stored = await findContactInfo(db, account.id);
  const info = stored?.info ?? emptyContactInfo(merchant);
  return { stored, info, merchant, missing: missingFields(info, merchant) };
}

async function present(db: Db, catalog: IntegrationCatalog, account: Account): Promise<ContactInfoView> {
  const { stored, info, merchant, missing } = await loadContactInfo(db, catalog, account);
  const members = await membersOf(db, account.id);
  const updatedBy = stored?.updatedBy ? members.get(stored.updatedBy) : undefined;
  return {
    version: stored?.version ?? 0,
    complete: missing.length === 0,
    missing,
    ...info,
    alertContacts: info.alertContacts.flatMap((ref) => {
      const user = members.get(ref.userId);
      return user ? [{ userId: ref.userId, email: user.email, name: user.name }] : [];
    }),
    merchantIssueContacts: merchant ? (info.merchantIssueContacts ?? []) : null,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ? { id: stored.updatedBy, name: updatedBy?.name || updatedBy?.email || '' } : null,
  };
}

export function getContactInfo(storage: Storage, catalog: IntegrationCatalog, account: Account): Promise<ContactInfoView> {
  return present(storage.db, catalog, account);
}

/** `If-Match: "4"` (or W/"4", or *), or `version` in the body; undefined when the client sent neither. */
export function expectedVersion(ifMatch: string | undefined, body: unknown): number | '*' | undefined {
  if (ifMatch !== undefined) {
    const tag = ifMatch.trim();
    if (tag === '*') return '*';
    const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(tag);
    // A tag that cannot be one of ours can never match.
    return match ? Number(match[1]) : -1;
  }
  const version = (body as { version?: unknown } | null)?.version;
  if (version === undefined || version === null) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DomainError('validation_failed', [{ path: 'version', code: 'invalid_type' }]);
  }
  return version;
}

/** Alert contacts in the audit log read as people, not ids. */
function readable(changes: AuditChange[], members: Members): AuditChange[] {
  const people = (value: unknown) =>
    (value as { userId: string }[]).map((ref) => {
      const user = members.get(ref.userId);
      return { userId: ref.userId, email: user?.email ?? '', name: user?.name ?? '' };
    });
  return changes.map((c) => (c.field === 'alertContacts' ? { ...c, before: people(c.before), after: people(c.after) } : c));
}

/**
 * Saves a whole document: checks the version (412 version_conflict), validates every field at
 * once (400 validation_failed), writes the next version, keeps the account's completeness flag,
 * and records the per-field changes in the audit log, all in one transaction.
 */
export async function saveContactInfo(
  storage: Storage,
  catalog: IntegrationCatalog,
  input: { account: Account; actor: Actor; env: Environment; body: unknown; ifMatch: string | undefined },
): Promise<ContactInfoView> {
  const expected = expectedVersion(input.ifMatch, input.body);
  return writeTransaction(storage, async (tx) => {
    await lockAccount(tx, storage.dialect, input.account.id);
    const { stored, info: current, merchant } = await loadContactInfo(tx, catalog, input.account);
    const currentVersion = stored?.version ?? 0;
    if (expected !== undefined && (expected === '*' ? currentVersion === 0 : expected !== currentVersion)) {
      throw new DomainError('version_conflict');
    }
    const members = await membersOf(tx, input.account.id);
    const result = validateContactInfo(input.body, {
      memberIds: new Set(members.keys()),
      hasMerchantIssueContacts: merchant,
      env: input.env,
      current: stored ? current : null,
    });
    if (!result.ok) throw new DomainError('validation_failed', result.details);

    const changes = changedFields(current, result.value);
    if (stored && changes.length === 0) return present(tx, catalog, input.account);
    const { written } = await writeContactInfo(tx, {
      accountId: input.account.id,
      expectedVersion: currentVersion,
      info: result.value,
      updatedBy: input.actor.id,
    });
    if (!written) throw new DomainError('version_conflict');
    await setAccountComplete(tx, input.account.id, missingFields(result.value, merchant).length === 0);
    await recordAudit(tx, { accountId: input.account.id, actor: input.actor, action: 'contact_info.updated', changes: readable(changes, members) });
    return present(tx, catalog, { ...input.account });
  });
}

/**
 * Takes a leaving user off the alert contacts, inside the caller's transaction: refused
 * (409 sole_alert_contact) when they are the only one, audited otherwise.
 */
export async function removeFromAlertContacts(
  tx: Db,
  input: { accountId: string; userId: string; actor: Actor },
): Promise<void> {
  const stored = await findContactInfo(tx, input.accountId);
  if (!stored || !stored.info.alertContacts.some((ref) => ref.userId === input.userId)) return;
  if (stored.info.alertContacts.length === 1) throw new DomainError('sole_alert_contact');
  const members = await membersOf(tx, input.accountId);
  const info = { ...stored.info, alertContacts: stored.info.alertContacts.filter((ref) => ref.userId !== input.userId) };
  await writeContactInfo(tx, { accountId: input.accountId, expectedVersion: stored.version, info, updatedBy: input.actor.id });
  await recordAudit(tx, {
    accountId: input.accountId,
    actor: input.actor,
    action: 'contact_info.updated',
    changes: readable(changedFields(stored.info, info), members),
  });
}

/** Who would receive a category now, and from which field (explain routing). */
export async function explainRoute(storage: Storage, catalog: IntegrationCatalog, account: Account, category: Category) {
  const { info } = await loadContactInfo(storage.db, catalog, account);
  const members = await membersOf(storage.db, account.id);
  return { category, recipients: recipientsFor(info, category, members).map((r) => ({ email: r.email, field: r.field })) };
}
