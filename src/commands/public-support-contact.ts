import { createHash } from 'node:crypto';
import type { ContactInfo } from '../domain/contact-info';
import { supportStatus } from '../domain/support-hours';
import { holidaySet, type Holiday } from '../storage/support-calendar';
import type { Db, Storage } from '../storage/db';

export type PublicSupportContact = {
  email: string;
  phone?: string;
  url?: string;
  operationalSupport: NonNullable<ContactInfo['operationalSupport']>;
  openNow: boolean;
  nextChangeAt: string | null;
};

/** One account's public answer, ready to send: its serialized body and ETag. */
export type ServedSupportContact = { value: PublicSupportContact; body: string; etag: string };

type Entry = ServedSupportContact & {
  version: number;
  info: ContactInfo;
  /** The account's holidays as stored (JSON): they close support on their dates. */
  holidays: string;
  /** When `openNow` next turns (its `nextChangeAt`): the entry is rebuilt from memory then. */
  validUntil: number;
  /** SQLite: the other connections' commit count this entry was last checked against. */
  checkedAt: number;
};

export type PublicSupportContacts = {
  /** The public answer for an account at `now`, or undefined when it has none (unknown, incomplete). */
  read(accountId: string, now?: number): Promise<ServedSupportContact | undefined>;
  find(accountId: string, now?: number): Promise<PublicSupportContact | undefined>;
  /** Stops listening for changes. */
  close(): Promise<void>;
};

export const MAX_REMEMBERED = 20_000;

/**
 * The public support contact, served from memory: each account's answer is built once per
 * version of its contact information and kept serialized until `openNow` next turns (its
 * `nextChangeAt`), the least recently asked dropped beyond `maxRemembered`.
 *
 * A change anywhere drops the copies at once: in this process through the `contact-info` signal,
 * which the writer emits right after its commit and before it answers; in other processes
 * through PostgreSQL's NOTIFY on that channel, and on SQLite (no NOTIFY) by `pragma data_version`,
 * which moves when another connection commits: the entries are then checked against the database
 * once each (one indexed read) before they are served again.
 */
export async function publicSupportContacts(
  storage: Pick<Storage, 'db' | 'listen' | 'dataVersion'>,
  options: { serialize?: (value: PublicSupportContact) => string; maxRemembered?: number } = {},
): Promise<PublicSupportContacts> {
  const serialize = options.serialize ?? JSON.stringify;
  const maxRemembered = options.maxRemembered ?? MAX_REMEMBERED;
  const entries = new Map<string, Entry>();
  // Moves on every invalidation: a read that began before one may not store what it read.
  let epoch = 0;
  let seenDataVersion = storage.dataVersion?.() ?? 0;
  const stopListening = await storage.listen('contact-info', (accountId) => {
    epoch += 1;
    if (accountId === undefined) entries.clear();
    else entries.delete(accountId);
  });

  const remember = (accountId: string, entry: Entry) => {
    entries.delete(accountId);
    if (entries.size >= maxRemembered) entries.delete(entries.keys().next().value!);
    entries.set(accountId, entry);
  };

  const build = (version: number, info: ContactInfo, holidays: string, now: number, checkedAt: number): Entry | undefined => {
    const contact = info.operationalContactForUsers;
    const support = info.operationalSupport;
    if (!contact || !support) return undefined;
    const closed = holidays === '[]' ? undefined : holidaySet({ holidays: JSON.parse(holidays) as Holiday[] });
    const status = supportStatus(support, new Date(now), closed);
    const value: PublicSupportContact = {
      email: contact.email,
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.url ? { url: contact.url } : {}),
      operationalSupport: support,
      ...status,
    };
    const body = serialize(value);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { value, body, etag, version, info, holidays, checkedAt, validUntil: status.nextChangeAt ? Date.parse(status.nextChangeAt) : Number.POSITIVE_INFINITY };
  };

  // `pragma data_version` takes and drops a file lock: at 50 connections that was a third of a
  // public answer. It is read once per turn of the event loop (the requests a turn takes up
  // share it), so another process's commit is seen from the next turn on: the same bound as a
  // NOTIFY on PostgreSQL, which is handled in a turn of its own as well.
  let checkedThisTurn = false;
  const turnEnded = () => {
    checkedThisTurn = false;
  };

  async function read(accountId: string, now = Date.now()): Promise<ServedSupportContact | undefined> {
    if (storage.dataVersion && !checkedThisTurn) {
      checkedThisTurn = true;
      setImmediate(turnEnded);
      const dataVersion = storage.dataVersion();
      if (dataVersion !== seenDataVersion) {
        // Another process wrote something: check each entry once before serving it again.
        seenDataVersion = dataVersion;
        epoch += 1;
      }
    }
    const known = entries.get(accountId);
    if (known && known.checkedAt === epoch) {
      if (now < known.validUntil) {
        // Most recently asked last: the least recently asked are dropped first.
        entries.delete(accountId);
        entries.set(accountId, known);
        return known;
      }
      // openNow turned: the same version, its answer worked out anew from memory.
      const next = build(known.version, known.info, known.holidays, now, epoch);
      if (next) remember(accountId, next);
      return next;
    }
    const startedAt = epoch;
    const row = await findPublicRow(storage.db, accountId);
    if (!row) {
      if (startedAt === epoch) entries.delete(accountId);
      return undefined;
    }
    const version = Number(row.version);
    const holidays = row.holidays ?? '[]';
    const entry =
      known && known.version === version && known.holidays === holidays && now < known.validUntil
        ? { ...known, checkedAt: startedAt }
        : build(version, JSON.parse(row.document) as ContactInfo, holidays, now, startedAt);
    if (!entry) return undefined;
    if (startedAt === epoch) remember(accountId, entry);
    return entry;
  }

  return {
    read,
    async find(accountId, now) {
      return (await read(accountId, now))?.value;
    },
    close: stopListening,
  };
}

/** The one indexed read behind a public answer: a complete account's current document. */
function findPublicRow(db: Db, accountId: string) {
  return db
    .selectFrom('accounts')
    .innerJoin('contact_info', 'contact_info.account_id', 'accounts.id')
    .leftJoin('support_calendars', 'support_calendars.account_id', 'accounts.id')
    .select(['contact_info.version', 'contact_info.document', 'support_calendars.holidays'])
    .where('accounts.id', '=', accountId)
    .where('accounts.contact_info_complete', '=', 1)
    .executeTakeFirst();
}
