import type { SelectQueryBuilder, StringReference } from 'kysely';
import { DomainError } from '../domain/errors';

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Where a page ended: the last item's sort key and id (the tie-breaker). */
export type Position = { key: string; id: string };

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/;

/** Cursors are opaque to clients: base64url of the last item's sort key and id. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

/** Reads a cursor; a forged or garbled one is a 400, never a query error. */
export function decodeCursor(cursor: string | undefined, kind: 'text' | 'timestamp' = 'text'): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const keyOk = typeof key === 'string' && (kind === 'text' || ISO_UTC.test(key));
    if (keyOk && typeof id === 'string') return { key, id };
  } catch {
    // fall through
  }
  throw new DomainError('validation_failed', [{ path: 'querystring.cursor', code: 'invalid_value' }]);
}

/** Cuts the extra row a query fetched (limit + 1) into a page and the cursor of the next. */
export function toPage<T>(rows: T[], limit: number, position: (item: T) => Position): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}

/**
 * Keyset paging newest first on (timestamp column, id column): fetches one row more than the
 * limit so `toPage` knows whether another page follows.
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  columns: { at: StringReference<DB, TB>; id: StringReference<DB, TB> },
  options: { limit: number; cursor?: string },
): SelectQueryBuilder<DB, TB, O> {
  const after = decodeCursor(options.cursor, 'timestamp');
  let paged = query.orderBy(columns.at, 'desc').orderBy(columns.id, 'desc').limit(options.limit + 1);
  if (after) {
    paged = paged.where((eb) =>
      eb.or([eb(columns.at, '<', after.key as never), eb.and([eb(columns.at, '=', after.key as never), eb(columns.id, '<', after.id as never)])]),
    );
  }
  return paged;
}
