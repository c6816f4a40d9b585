import { randomBytes } from 'node:crypto';

/** Opaque ids with a readable prefix (`u_…` for users, `a_…` for accounts, …). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
