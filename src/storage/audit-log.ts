import type { Actor } from '../domain/principal';
import type { Db } from './db';
import { newSortableId, nowIso } from './ids';
import { newestFirst, toPage, type Page } from './paging';

export type AuditChange = { field: string; before: unknown; after: unknown };
export type AuditEntry = { id: string; at: string; actor: Actor; action: string; changes: AuditChange[] };

/** Records a change; call it inside the transaction that makes the change. */
export async function recordAudit(db: Db, input: { accountId: string; actor: Actor; action: string; changes: AuditChange[] }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newSortableId('l'),
      account_id: input.accountId,
      at: nowIso(),
      actor_kind: input.actor.kind,
      actor_id: input.actor.id,
      actor_name: input.actor.name,
      action: input.action,
      changes: JSON.stringify(input.changes),
    })
    .execute();
}

/** Newest first, keyset-paged on (at, id). */
export async function listAudit(db: Db, accountId: string, options: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
  const query = newestFirst(db.selectFrom('audit_log').selectAll().where('account_id', '=', accountId), { at: 'at', id: 'id' }, options);
  const rows = await query.execute();
  const entries = rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    changes: JSON.parse(row.changes) as AuditChange[],
  }));
  return toPage(entries, options.limit, (e) => ({ key: e.at, id: e.id }));
}
