import type { ContactInfo } from '../domain/contact-info';
import { supportStatus, type SupportStatus } from '../domain/support-hours';
import type { Db } from '../storage/db';

export type PublicSupportContact = {
  email: string;
  phone?: string;
  url?: string;
  operationalSupport: NonNullable<ContactInfo['operationalSupport']>;
  openNow: boolean;
  nextChangeAt: string | null;
};

const MAX_REMEMBERED = 10_000;

/**
 * The public support contact: one indexed read, and `openNow` computed once per account
 * version until it next changes (the endpoint is hot; the answer changes only at those instants).
 */
export function publicSupportContacts(db: Db) {
  const statuses = new Map<string, { version: number; status: SupportStatus; validUntil: number }>();

  return async function find(accountId: string, now = Date.now()): Promise<PublicSupportContact | undefined> {
    const row = await db
      .selectFrom('accounts')
      .innerJoin('contact_info', 'contact_info.account_id', 'accounts.id')
      .select(['contact_info.version', 'contact_info.document'])
      .where('accounts.id', '=', accountId)
      .where('accounts.contact_info_complete', '=', 1)
      .executeTakeFirst();
    if (!row) return undefined;
    const info = JSON.parse(row.document) as ContactInfo;
    const contact = info.operationalContactForUsers;
    const support = info.operationalSupport;
    if (!contact || !support) return undefined;

    const version = Number(row.version);
    let remembered = statuses.get(accountId);
    if (!remembered || remembered.version !== version || now >= remembered.validUntil) {
      const status = supportStatus(support, new Date(now));
      remembered = { version, status, validUntil: status.nextChangeAt ? Date.parse(status.nextChangeAt) : Number.POSITIVE_INFINITY };
      if (statuses.size >= MAX_REMEMBERED) statuses.clear();
      statuses.set(accountId, remembered);
    }
    return {
      email: contact.email,
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.url ? { url: contact.url } : {}),
      operationalSupport: support,
      ...remembered.status,
    };
  };
}
