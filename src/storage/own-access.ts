import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../domain/principal';
import type { Db } from './db';
import { newId, newSortableId, nowIso } from './ids';
import { newestFirst, toPage, type Page } from './paging';

/**
 * What a person's own access is made of besides the password and sessions: reset links,
 * two-step sign-in (secret, recovery codes, pending sign-ins), known devices, the security log,
 * and the installation's settings. Secrets handed out are stored as SHA-256 only.
 */

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

// --- password reset links ---

export async function insertPasswordReset(db: Db, input: { userId: string; tokenHash: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ id: newId('pr'), token_hash: input.tokenHash, user_id: input.userId, created_at: nowIso(), expires_at: input.expiresAt, used_at: null })
    .execute();
}

export async function findPasswordReset(db: Db, tokenHash: string) {
  const row = await db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
}

/** Uses the link up; false when another request used it first. */
export async function markPasswordResetUsed(db: Db, id: string): Promise<boolean> {
  const result = await db.updateTable('password_resets').set({ used_at: nowIso() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every other open link of the person stops working (a newer one, or the password changed). */
export async function revokePasswordResets(db: Db, userId: string): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: nowIso() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

// --- two-step sign-in ---

export type TwoStepState = { secret: string | null; enabledAt: string | null; pendingSecret: string | null };

export async function findTwoStep(db: Db, userId: string): Promise<TwoStepState | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at', 'totp_pending_secret'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && { secret: row.totp_secret, enabledAt: row.totp_enabled_at, pendingSecret: row.totp_pending_secret };
}

export async function setPendingTotpSecret(db: Db, userId: string, secret: string | null): Promise<void> {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
}

export async function enableTotp(db: Db, userId: string, secret: string, step: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled_at: nowIso(), totp_pending_secret: null, totp_last_step: step, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}

/** Uses up the time step of an accepted code; false when that step (or a later one) was used already. */
export async function useTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function disableTotp(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_pending_secret: null, totp_last_step: null, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ id: newId('rc'), user_id: userId, code_hash, used_at: null })))
    .execute();
}

/** Uses up a recovery code; false when it is unknown or was used before. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) >= 1;
}

export async function countRecoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

// --- pending sign-ins (password right, code due) ---

export async function insertPendingSignIn(db: Db, input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
  await db.insertInto('pending_sign_ins').values({ id: input.tokenHash, user_id: input.userId, attempts: 0, created_at: nowIso(), expires_at: input.expiresAt }).execute();
}

export async function findPendingSignIn(db: Db, tokenHash: string) {
  const row = await db.selectFrom('pending_sign_ins').selectAll().where('id', '=', tokenHash).executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, attempts: Number(row.attempts), expiresAt: row.expires_at };
}

export async function countPendingAttempt(db: Db, id: string): Promise<void> {
  await db
    .updateTable('pending_sign_ins')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deletePendingSignIn(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('pending_sign_ins').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// --- known devices ---

/** Remembers a device; true when the person never signed in from it before. */
export async function rememberDevice(db: Db, userId: string, fingerprint: string): Promise<boolean> {
  const found = await db.selectFrom('known_devices').select('fingerprint').where('user_id', '=', userId).where('fingerprint', '=', fingerprint).executeTakeFirst();
  if (found) return false;
  await db
    .insertInto('known_devices')
    .values({ user_id: userId, fingerprint, first_seen_at: nowIso() })
    .onConflict((oc) => oc.columns(['user_id', 'fingerprint']).doNothing())
    .execute();
  return true;
}

// --- the security log ---

export type SecurityEntry = { id: string; at: string; userId: string; actor: Actor; action: string; device: string | null; address: string | null };

/** Records a change to a person's own access; call it inside the transaction that makes the change. */
export async function recordSecurity(db: Db, input: { userId: string; actor: Actor; action: string; device?: string | null; address?: string | null }): Promise<void> {
  await db
    .insertInto('security_log')
    .values({
      id: newSortableId('s'),
      user_id: input.userId,
      at: nowIso(),
      actor_kind: input.actor.kind,
      actor_id: input.actor.id,
      actor_name: input.actor.name,
      action: input.action,
      device: input.device ?? null,
      address: input.address ?? null,
    })
    .execute();
}

/** Newest first, keyset-paged on (at, id); one person's, or everyone's (operators). */
export async function listSecurity(db: Db, options: { userId?: string; limit: number; cursor?: string }): Promise<Page<SecurityEntry>> {
  let base = db.selectFrom('security_log').selectAll();
  if (options.userId) base = base.where('user_id', '=', options.userId);
  const rows = await newestFirst(base, { at: 'at', id: 'id' }, options).execute();
  const entries = rows.map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    device: row.device,
    address: row.address,
  }));
  return toPage(entries, options.limit, (e) => ({ key: e.at, id: e.id }));
}

// --- settings ---

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function putSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() }))
    .execute();
}

/** True when the person must use two-step sign-in: an operator while operators must, or a member of an account that requires it. */
export async function isTwoStepRequired(db: Db, user: { id: string; isOperator: boolean }): Promise<boolean> {
  if (user.isOperator && (await getSetting(db, 'require_two_step_operators')) === 'true') return true;
  const row = await db
    .selectFrom('memberships')
    .innerJoin('accounts', 'accounts.id', 'memberships.account_id')
    .select('accounts.id')
    .where('memberships.user_id', '=', user.id)
    .where('accounts.require_two_step', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
