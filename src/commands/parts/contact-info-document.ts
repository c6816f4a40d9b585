import { changedFields, emptyContactInfo, missingFields, type ContactInfo } from '../../domain/contact-info';
import type { ContactField } from '../../domain/contact-fields';
import { DomainError } from '../../domain/errors';
import { hasMerchantIssueContacts, type IntegrationCatalog } from '../../domain/integrations';
import type { Actor } from '../../domain/principal';
import type { Account } from '../../storage/accounts';
import { recordAudit, type AuditChange } from '../../storage/audit-log';
import { findContactInfo, findContactInfoWithPeople, writeContactInfo, type ContactInfoWithPeople, type NamedPerson } from '../../storage/contact-info';
import { afterCommit, type Db } from '../../storage/db';
import { listAllMembers } from '../../storage/memberships';
import type { ContactHealthView } from './contact-health';

/** The contact information as the API shows it (alert contacts with their current email and name). */
export type ContactInfoView = Omit<ContactInfo, 'alertContacts'> & {
  version: number;
  complete: boolean;
  missing: ContactField[];
  alertContacts: { userId: string; email: string; name: string }[];
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
} & ContactHealthView;

export type Members = Map<string, { email: string; name: string; locale: string | null }>;

export async function membersOf(db: Db, accountId: string): Promise<Members> {
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

export async function presentContactInfo(db: Db, catalog: IntegrationCatalog, account: Account, read?: ContactInfoWithPeople | null): Promise<ContactInfoView> {
  const merchant = hasMerchantIssueContacts(catalog, account.integrations.map((i) => i.type));
  // The document, the people it names, each address's health and the review: one read (or the
  // one made along with the session: `read`, null when there was no document).
  const found = read === undefined ? await findContactInfoWithPeople(db, account.id) : (read ?? undefined);
  const stored = found?.stored;
  const info = stored?.info ?? emptyContactInfo(merchant);
  const missing = missingFields(info, merchant);
  const members = found?.members ?? new Map<string, NamedPerson>();
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
    updatedBy: stored?.updatedBy ? { id: stored.updatedBy, name: found?.savedBy?.name || found?.savedBy?.email || '' } : null,
    contactHealth: (found?.health ?? []) as ContactHealthView['contactHealth'],
    review: found?.review ?? null,
  };
}

/**
 * Tells every process, once `tx` commits, that the account's contact information changed (the
 * public support contact is served from memory: see commands/public-support-contact.ts). This
 * process hears it before the writer answers; others through NOTIFY on PostgreSQL. (Saving the
 * document, which changes what the public sees, uses `storage.signalOnCommit` instead: NOTIFY
 * inside the transaction, delivered by the commit itself.)
 */
export function contactInfoChanged(tx: Db, accountId: string): void {
  afterCommit(tx, (storage) => storage.signal('contact-info', accountId));
}

/** Alert contacts in the audit log read as people, not ids. */
export function readableChanges(changes: AuditChange[], members: Members): AuditChange[] {
  const people = (value: unknown) =>
    (value as { userId: string }[]).map((ref) => {
      const user = members.get(ref.userId);
      return { userId: ref.userId, email: user?.email ?? '', name: user?.name ?? '' };
    });
  return changes.map((c) => (c.field === 'alertContacts' ? { ...c, before: people(c.before), after: people(c.after) } : c));
}

/**
 * Takes a leaving user off the alert contacts, inside the caller's transaction: refused
 * (409 sole_alert_contact) when they are the only one, audited otherwise.
 */
export async function removeFromAlertContacts(tx: Db, input: { accountId: string; userId: string; actor: Actor }): Promise<void> {
  const stored = await findContactInfo(tx, input.accountId);
  if (!stored || !stored.info.alertContacts.some((ref) => ref.userId === input.userId)) return;
  if (stored.info.alertContacts.length === 1) throw new DomainError('sole_alert_contact');
  const members = await membersOf(tx, input.accountId);
  const info = { ...stored.info, alertContacts: stored.info.alertContacts.filter((ref) => ref.userId !== input.userId) };
  await writeContactInfo(tx, { accountId: input.accountId, expectedVersion: stored.version, info, updatedBy: input.actor.id });
  contactInfoChanged(tx, input.accountId);
  await recordAudit(tx, {
    accountId: input.accountId,
    actor: input.actor,
    action: 'contact_info.updated',
    changes: readableChanges(changedFields(stored.info, info), members),
  });
}
