import { DomainError } from '../domain/errors';

export type Page<T> = { items: T[]; nextCursor: string | null };

type Position = { at: string; id: string };

/** Cursors are opaque to clients: base64url of the last item's sort key. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through
  }
  throw new DomainError('validation_failed', [{ path: 'querystring.cursor', code: 'invalid_value' }]);
}
