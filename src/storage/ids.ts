import { randomBytes } from 'node:crypto';

/** Opaque ids with a readable prefix (`u_…` for users, `a_…` for accounts, …). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

let lastMs = 0;
let counter = 0;

/**
 * Ids that sort in creation order within a process (time, then a counter, then randomness),
 * for logs whose entries can share a millisecond, such as two audit entries of one transaction.
 */
export function newSortableId(prefix: string): string {
  const now = Date.now();
  counter = now === lastMs ? counter + 1 : 0;
  lastMs = now;
  return `${prefix}_${now.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
