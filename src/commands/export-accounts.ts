import type { ContactEntry, ContactInfo } from '../domain/contact-info';
import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { exportAccountBatches, type ExportedAccount } from '../storage/operator';
import type { Deps } from './deps';
import { csvLine } from './parts/csv';

export const EXPORT_COLUMNS = [
  'id',
  'name',
  'contactInfoComplete',
  'integrations',
  'alertContacts',
  'technicalEmergencyContacts',
  'technicalNonEmergencyContacts',
  'merchantIssueContacts',
  'operationalContactsForPlatform',
  'operationalContactForUsers',
  'operationalSupport',
  'contactsBouncing',
  'contactsUnconfirmed',
  'contactInfoStale',
] as const;

const entries = (list: ContactEntry[] | null | undefined) =>
  (list ?? []).map((e) => [e.name ? `${e.name} <${e.email}>` : e.email, e.phone].filter(Boolean).join(' ')).join('; ');

function support(info: ContactInfo | null): string {
  const s = info?.operationalSupport;
  if (!s) return '';
  if (s.alwaysOpen) return '24/7';
  return s.windows.map((w) => `${w.days.join(' ')} ${w.start}-${w.end} ${w.timeZone}`).join('; ');
}

function row(account: ExportedAccount): string[] {
  const { info } = account;
  const users = info?.operationalContactForUsers;
  return [
    account.id,
    account.name,
    account.contactInfoComplete ? 'yes' : 'no',
    account.integrations.map((i) => `${i.type}:${i.status}`).join(' '),
    account.alertEmails.join('; '),
    entries(info?.technicalEmergencyContacts),
    entries(info?.technicalNonEmergencyContacts),
    entries(info?.merchantIssueContacts),
    entries(info?.operationalContactsForPlatform),
    users ? [users.email, users.phone, users.url].filter(Boolean).join(' ') : '',
    support(info),
    String(account.health.bouncing),
    String(account.health.unconfirmed),
    account.health.stale ? 'yes' : 'no',
  ];
}

/**
 * Every account with its contact information as CSV (with contact-health counts: the export has
 * one row per account, not per address) (header first), one chunk per batch of
 * accounts read from the database, so any number of accounts is exported in bounded memory.
 * Operators and the CLI only.
 */
export async function* exportAccountsCsv(deps: Deps, principal: Principal, input: { batchSize?: number } = {}): AsyncGenerator<string> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  yield csvLine(EXPORT_COLUMNS);
  for await (const batch of exportAccountBatches(deps.storage.db, input)) yield batch.map((account) => csvLine(row(account))).join('');
}
