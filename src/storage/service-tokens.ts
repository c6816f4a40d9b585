import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db';
import { newId, nowIso } from './ids';

export type ServiceToken = {
  id: string;
  name: string;
  accountId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** last_used_at is written at most this often per token: it is a hint, not an access log. */
const TOUCH_INTERVAL_MS = 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

type Row = { id: string; name: string; account_id: string | null; created_at: string; last_used_at: string | null; revoked_at: string | null };

function toToken(row: Row): ServiceToken {
  return { id: row.id, name: row.name, accountId: row.account_id, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

const columns = ['id', 'name', 'account_id', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** Creates a token; returns its secret once (only its hash is stored). The prefix makes leaked tokens easy to scan for. */
export async function insertServiceToken(
  db: Db,
  input: { name: string; accountId: string | null; createdBy: string | null },
): Promise<{ token: string; serviceToken: ServiceToken }> {
  const token = `lsn_${randomBytes(32).toString('base64url')}`;
  const row = { id: newId('t'), name: input.name, account_id: input.accountId, created_at: nowIso(), last_used_at: null, revoked_at: null };
  await db
    .insertInto('service_tokens')
    .values({ ...row, token_hash: hashToken(token), created_by: input.createdBy })
    .execute();
  return { token, serviceToken: toToken(row) };
}

/** The live token for a bearer value, its last use noted; undefined when unknown or revoked. */
export async function findLiveServiceToken(db: Db, token: string): Promise<ServiceToken | undefined> {
  const row = await db.selectFrom('service_tokens').select(columns).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  const now = Date.now();
  if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    row.last_used_at = new Date(now).toISOString();
    await db.updateTable('service_tokens').set({ last_used_at: row.last_used_at }).where('id', '=', row.id).execute();
  }
  return toToken(row);
}

export async function listServiceTokens(db: Db): Promise<ServiceToken[]> {
  return (await db.selectFrom('service_tokens').select(columns).orderBy('created_at', 'desc').orderBy('id').execute()).map(toToken);
}

/** Revokes a token at once; false when there is no such live token. */
export async function revokeServiceToken(db: Db, id: string): Promise<boolean> {
  const result = await db.updateTable('service_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
