import type { ContactInfo } from '../domain/contact-info';
import { compiledQuery } from './compiled';
import type { Db } from './db';
import { nowIso } from './ids';

export type StoredContactInfo = { version: number; info: ContactInfo; updatedAt: string; updatedBy: string | null };

const contactInfoOf = compiledQuery<'accountId', { version: number; document: string; updated_at: string; updated_by: string | null }>((db, param) =>
  db.selectFrom('contact_info').select(['version', 'document', 'updated_at', 'updated_by']).where('account_id', '=', param('accountId')),
);

export async function findContactInfo(db: Db, accountId: string): Promise<StoredContactInfo | undefined> {
  const [row] = await contactInfoOf(db, { accountId });
  return row && { version: Number(row.version), info: JSON.parse(row.document) as ContactInfo, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/**
 * Writes the next version if the stored one is still `expectedVersion` (0: none stored yet).
 * Returns false when someone else wrote first: the caller answers 412 and nothing is written.
 */
export async function writeContactInfo(
  db: Db,
  input: { accountId: string; expectedVersion: number; info: ContactInfo; updatedBy: string | null },
): Promise<{ written: boolean; updatedAt: string }> {
  const updatedAt = nowIso();
  const document = JSON.stringify(input.info);
  if (input.expectedVersion === 0) {
    const result = await db
      .insertInto('contact_info')
      .values({ account_id: input.accountId, version: 1, document, updated_at: updatedAt, updated_by: input.updatedBy })
      .onConflict((oc) => oc.column('account_id').doNothing())
      .executeTakeFirst();
    return { written: Number(result.numInsertedOrUpdatedRows ?? 0) === 1, updatedAt };
  }
  const result = await db
    .updateTable('contact_info')
    .set({ version: input.expectedVersion + 1, document, updated_at: updatedAt, updated_by: input.updatedBy })
    .where('account_id', '=', input.accountId)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst();
  return { written: Number(result.numUpdatedRows) === 1, updatedAt };
}

export async function setAccountComplete(db: Db, accountId: string, complete: boolean): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ contact_info_complete: complete ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', accountId)
    .execute();
}
