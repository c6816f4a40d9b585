import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db';
import { newId, nowIso } from './ids';

/** Invitation links are valid for 7 days and can be used once. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationRecord = {
  id: string;
  userId: string;
  accountId: string;
  expiresAt: string;
  usedAt: string | null;
  /** Who sent it (null: the system, or a user since deleted). */
  invitedBy: string | null;
};

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Creates an invitation; returns the secret token for the link (only its hash is stored). */
export async function insertInvitation(
  db: Db,
  input: { userId: string; accountId: string; invitedBy: string | null },
): Promise<{ token: string; invitation: InvitationRecord }> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const invitation: InvitationRecord = {
    id: newId('i'),
    userId: input.userId,
    accountId: input.accountId,
    expiresAt: new Date(now + INVITATION_TTL_MS).toISOString(),
    usedAt: null,
    invitedBy: input.invitedBy,
  };
  await db
    .insertInto('invitations')
    .values({
      id: invitation.id,
      token_hash: hashToken(token),
      user_id: input.userId,
      account_id: input.accountId,
      invited_by: input.invitedBy,
      created_at: new Date(now).toISOString(),
      expires_at: invitation.expiresAt,
      used_at: null,
    })
    .execute();
  return { token, invitation };
}

export async function findInvitationByToken(db: Db, token: string): Promise<InvitationRecord | undefined> {
  const row = await db
    .selectFrom('invitations')
    .select(['id', 'user_id', 'account_id', 'expires_at', 'used_at', 'invited_by'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return (
    row && { id: row.id, userId: row.user_id, accountId: row.account_id, expiresAt: row.expires_at, usedAt: row.used_at, invitedBy: row.invited_by }
  );
}

/** Marks an unused invitation used; false when someone else used it first. */
export async function markInvitationUsed(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ used_at: nowIso() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new link replaces the older ones of the same person and account. */
export async function revokeInvitations(db: Db, userId: string, accountId: string): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .execute();
}
