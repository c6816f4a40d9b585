import { z } from 'zod';

/** `?limit=` (1..200, default 50) and `?cursor=` of every list endpoint. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many items at most (1 to 200)'),
  cursor: z.string().min(1).max(500).optional().describe('Where the previous page ended: its nextCursor; none for the first page'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).describe('This page of the list'),
    nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
  });
}
